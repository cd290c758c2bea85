/** `flowledger worker [--concurrency N] [--no-sla]`: outbox workers and (unless --no-sla) the SLA monitor, no HTTP; runs until signalled. */
import { handleSignals } from '../../app/serve-role.js';
import { startWorkerProcess } from '../../app/worker-role.js';
import { UsageError, positiveInt, type CommandContext } from '../cli-kit.js';

export async function workerCommand({ values, env }: CommandContext): Promise<number> {
  const concurrency = values.concurrency === undefined ? 2 : positiveInt(values.concurrency, '--concurrency');
  if (concurrency > 64) throw new UsageError('--concurrency must be at most 64');
  const proc = await startWorkerProcess({ env, concurrency, sla: !values['no-sla'] });
  handleSignals(proc, proc.deps.config.shutdownTimeoutMs, proc.deps.logger);
  return -1; // keep running
}
