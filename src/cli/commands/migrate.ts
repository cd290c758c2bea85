/** `flowledger migrate [--status]`: apply database migrations and exit, or list applied and pending ones. */
import type { Command } from 'commander';
import { migrationStatus } from '../../db/migrate.js';
import { examples, withDb, type CliContext, type JsonOption } from '../cli-kit.js';

export function migrateCommand(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .summary('apply pending database migrations (or list them with --status)')
    .description('Apply pending database migrations and exit. serve and worker apply them at start as well.')
    .option('--status', 'list every migration as applied (with when) or pending; applies nothing')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('flowledger migrate', 'flowledger migrate --status'))
    .action(ctx.run((opts: JsonOption & { status?: boolean }) => (opts.status ? status(ctx, opts) : apply(ctx, opts))));
}

async function status({ env, out }: CliContext, opts: JsonOption): Promise<number> {
  const list = await withDb((d) => migrationStatus(d.db, d.engine), env, { migrateFirst: false });
  const pending = list.filter((m) => m.executed_at === null).map((m) => m.name);
  if (opts.json) out.log(JSON.stringify({ migrations: list, pending }));
  else {
    for (const m of list) out.log(`${m.executed_at ? 'applied' : 'pending'}  ${m.name}${m.executed_at ? `  (${m.executed_at})` : ''}`);
    out.log(pending.length ? `${pending.length} pending: run flowledger migrate to apply them.` : 'Database is up to date.');
  }
  return 0;
}

async function apply({ env, out }: CliContext, opts: JsonOption): Promise<number> {
  const applied = await withDb((d) => d.migrate(), env, { migrateFirst: false });
  if (opts.json) out.log(JSON.stringify({ applied }));
  else out.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  return 0;
}
