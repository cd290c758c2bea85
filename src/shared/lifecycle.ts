/** Long-running parts (workers, monitors, relays): start() and stop() are idempotent; stop() waits for work in flight. */
export interface Service {
  readonly name: string;
  start(): Promise<void> | void;
  stop(): Promise<void>;
}

/**
 * Whether this process has begun shutting down. Set first thing on SIGTERM, so the readiness probe
 * answers 503 while requests are still being served and load balancers move traffic elsewhere.
 */
export class ProcessState {
  private drainStarted = false;

  get draining(): boolean {
    return this.drainStarted;
  }

  beginDrain(): void {
    this.drainStarted = true;
  }
}
