/** `flowledger worker [--concurrency N] [--no-sla]`: outbox workers and (unless --no-sla) the SLA monitor, no HTTP; runs until signalled. */
import type { Command } from 'commander';
import { handleSignals } from '../../app/serve-role.js';
import { startWorkerProcess, WORKER_CONCURRENCY } from '../../app/worker-role.js';
import { examples, positiveInt, type CliContext } from '../cli-kit.js';

export function workerCommand(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .summary('outbox workers (+ SLA monitor and retention pruner), no HTTP')
    .description(
      'Run the outbox worker (N parallel claim loops), the SLA monitor and the retention pruner, without HTTP. ' +
        'Any number of worker processes may share one PostgreSQL database. Runs until SIGTERM or SIGINT.',
    )
    .option('--concurrency <n>', 'parallel claim loops, 1 to 64', positiveInt(64), WORKER_CONCURRENCY)
    .option('--no-sla', 'outbox only: the SLA monitor runs elsewhere (serve, or `flowledger sla monitor`)')
    .addHelpText('after', examples('flowledger worker', 'flowledger worker --concurrency 8 --no-sla'))
    .action(
      ctx.run(async (opts: { concurrency: number; sla: boolean }) => {
        const proc = await startWorkerProcess({ env: ctx.env, concurrency: opts.concurrency, sla: opts.sla });
        handleSignals(proc, proc.deps.config.shutdownTimeoutMs, proc.deps.logger);
        return -1; // keep running
      }),
    );
}
