import type { HandlerRegistry, OutboxDeps } from './handler.js';
import { defaultHandlers } from './handlers/index.js';
import { OutboxWorker, type WorkerOptions } from './worker.js';

/** The production worker: configuration from deps.config, the default handlers. */
export function createOutboxWorker(
  deps: OutboxDeps,
  opts: Partial<WorkerOptions> & { handlers?: HandlerRegistry } = {},
): OutboxWorker {
  return new OutboxWorker(deps, { ...opts, handlers: opts.handlers ?? defaultHandlers(deps) });
}
