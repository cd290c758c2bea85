/**
 * In-process wake-up: whoever commits work events calls notify(); the outbox worker (and anything
 * else that reacts to new events) waits on it instead of polling.
 */
export class CommitSignal {
  private waiters: Array<() => void> = [];
  private listeners = new Set<() => void>();

  notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
    for (const l of this.listeners) l();
  }

  /** Resolves on the next notify() or after timeoutMs, whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      timer.unref?.();
      const self = this;
      function done() {
        clearTimeout(timer);
        self.waiters = self.waiters.filter((w) => w !== done);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  onNotify(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
