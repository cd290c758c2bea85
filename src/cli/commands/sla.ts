/** `flowledger sla run [--at ISO-TIME]`: one SLA pass now (or at a given time). */
import { systemClock } from '../../shared/clock.js';
import { runSlaPass } from '../../sla/monitor.js';
import { UsageError, withDb, type CommandContext } from '../cli-kit.js';

export async function slaCommand({ values, sub, env, out }: CommandContext): Promise<number> {
  if (sub !== 'run') throw new UsageError('Usage: flowledger sla run [--at ISO-TIME]');
  let at: Date | undefined;
  if (values.at !== undefined) {
    at = new Date(values.at);
    if (Number.isNaN(at.getTime())) throw new UsageError(`--at must be an ISO-8601 time (got ${values.at})`);
  }
  // Servers hear the pass's events through the work_event trigger's NOTIFY (PostgreSQL) or data_version (SQLite).
  const summary = await withDb((d) => runSlaPass({ database: d, clock: systemClock }, at), env);
  if (values.json) out.log(JSON.stringify(summary));
  else
    out.log(
      `SLA pass at ${summary.at}: ${summary.tasks_warned} warned, ${summary.tasks_breached} breached, ` +
        `${summary.breaches_opened} breaches opened, ${summary.breaches_resolved} resolved (${summary.duration_ms} ms)`,
    );
  return 0;
}
