/**
 * Wake-up shared by the worker's lanes. wake() rouses one idle lane (not all: a commit of one
 * event should cost one claim, not one per lane); a lane that claims a full batch wakes the next,
 * so a burst fans out over every lane. When no lane is idle the wake is remembered, so one that
 * arrives while a claim is in flight is never lost.
 */
export class Waker {
  private pending = false;
  private waiters: Array<() => void> = [];

  wake(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.pending = true;
  }

  /** Rouses every idle lane (stop()). */
  wakeAll(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
    this.pending = true;
  }

  /** Resolves at the next wake (or at once if one is pending) or after ms. */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      }, Math.max(0, ms));
      this.waiters.push(done);
    });
  }
}
