/**
 * `flowledger sla run [--at ISO-TIME]`: one SLA pass now (or at a given time).
 * `flowledger sla monitor`: the SLA monitor alone, a pass every SLA_INTERVAL; runs until signalled.
 */
import { Option, type Command } from 'commander';
import { handleSignals } from '../../app/serve-role.js';
import { startWorkerProcess } from '../../app/worker-role.js';
import { systemClock } from '../../shared/clock.js';
import { runSlaPass } from '../../sla/monitor.js';
import { UsageError, examples, isoTime, withDb, type CliContext, type JsonOption } from '../cli-kit.js';

export function slaCommand(program: Command, ctx: CliContext): void {
  const sla = program.command('sla').description('The SLA monitor: one pass now (run), or the monitor alone (monitor).');
  sla
    .command('run')
    .description('Run one SLA pass now, or as if at the given instant. Skipped (exit 0) if another pass is running on this database.')
    .option('--at <iso-time>', 'the instant to evaluate SLAs at (default: now)', isoTime)
    .option('--json', 'print the pass as JSON (breaches_by_metric included)')
    .addHelpText('after', examples('flowledger sla run', 'flowledger sla run --at 2030-01-01T09:00:00Z --json'))
    .action(ctx.run((opts: JsonOption & { at?: Date }) => runOnce(ctx, opts)));
  sla
    .command('monitor')
    .description('Run the SLA monitor alone: a pass every SLA_INTERVAL, until SIGTERM or SIGINT. No HTTP, no outbox.')
    // Not in the help: accepted only to say where --at belongs, rather than "unknown option".
    .addOption(new Option('--at <iso-time>').hideHelp())
    .addHelpText('after', examples('SLA_INTERVAL=5m flowledger sla monitor'))
    .action(ctx.run((opts: { at?: string }) => monitor(ctx, opts)));
}

async function runOnce({ env, out }: CliContext, opts: JsonOption & { at?: Date }): Promise<number> {
  // Servers hear the pass's events through the work_event trigger's NOTIFY (PostgreSQL) or data_version (SQLite).
  const result = await withDb((d) => runSlaPass({ database: d, clock: systemClock }, opts.at), env);
  if (opts.json) out.log(JSON.stringify(result));
  else if (result.skipped) out.log(`SLA pass at ${result.at} skipped: another SLA pass is running on this database`);
  else
    out.log(
      `SLA pass at ${result.at}: ${result.tasks_warned} warned, ${result.tasks_breached} breached, ` +
        `${result.breaches_opened} breaches opened, ${result.breaches_resolved} resolved (${result.duration_ms} ms)`,
    );
  return 0;
}

async function monitor({ env }: CliContext, opts: { at?: string }): Promise<number> {
  if (opts.at !== undefined) throw new UsageError('--at is for `flowledger sla run`; the monitor runs at the current time');
  const proc = await startWorkerProcess({ env, outbox: false, sla: true });
  handleSignals(proc, proc.deps.config.shutdownTimeoutMs, proc.deps.logger);
  return -1; // keep running
}
