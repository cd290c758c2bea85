/** Long-running parts (workers, monitors, relays): start() and stop() are idempotent; stop() waits for work in flight. */
export interface Service {
  readonly name: string;
  start(): Promise<void> | void;
  stop(): Promise<void>;
}
