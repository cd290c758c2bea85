/**
 * `flowledger sla run [--at ISO-TIME]`: one SLA pass now (or at a given time).
 * `flowledger sla monitor`: the SLA monitor alone, a pass every SLA_INTERVAL; runs until signalled.
 */
import { handleSignals } from '../../app/serve-role.js';
import { startWorkerProcess } from '../../app/worker-role.js';
import { systemClock } from '../../shared/clock.js';
import { runSlaPass } from '../../sla/monitor.js';
import { UsageError, withDb, type CommandContext } from '../cli-kit.js';

const USAGE = 'Usage: flowledger sla run [--at ISO-TIME] [--json] | flowledger sla monitor';

export async function slaCommand(ctx: CommandContext): Promise<number> {
  if (ctx.sub === 'run') return runOnce(ctx);
  if (ctx.sub === 'monitor') return monitor(ctx);
  throw new UsageError(USAGE);
}

async function runOnce({ values, env, out }: CommandContext): Promise<number> {
  let at: Date | undefined;
  if (values.at !== undefined) {
    at = new Date(values.at);
    if (Number.isNaN(at.getTime())) throw new UsageError(`--at must be an ISO-8601 time (got ${values.at})`);
  }
  // Servers hear the pass's events through the work_event trigger's NOTIFY (PostgreSQL) or data_version (SQLite).
  const result = await withDb((d) => runSlaPass({ database: d, clock: systemClock }, at), env);
  if (values.json) out.log(JSON.stringify(result));
  else if (result.skipped) out.log(`SLA pass at ${result.at} skipped: another SLA pass is running on this database`);
  else
    out.log(
      `SLA pass at ${result.at}: ${result.tasks_warned} warned, ${result.tasks_breached} breached, ` +
        `${result.breaches_opened} breaches opened, ${result.breaches_resolved} resolved (${result.duration_ms} ms)`,
    );
  return 0;
}

async function monitor({ values, env }: CommandContext): Promise<number> {
  if (values.at !== undefined) throw new UsageError('--at is for `flowledger sla run`; the monitor runs at the current time');
  const proc = await startWorkerProcess({ env, outbox: false, sla: true });
  handleSignals(proc, proc.deps.config.shutdownTimeoutMs, proc.deps.logger);
  return -1; // keep running
}
