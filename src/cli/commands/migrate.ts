/** `flowledger migrate [--status]`: apply database migrations and exit, or list applied and pending ones. */
import { migrationStatus } from '../../db/migrate.js';
import { withDb, type CommandContext } from '../cli-kit.js';

export async function migrateCommand({ values, env, out }: CommandContext): Promise<number> {
  if (values.status) {
    const list = await withDb((d) => migrationStatus(d.db, d.engine), env, { migrateFirst: false });
    const pending = list.filter((m) => m.executed_at === null).map((m) => m.name);
    if (values.json) out.log(JSON.stringify({ migrations: list, pending }));
    else {
      for (const m of list) out.log(`${m.executed_at ? 'applied' : 'pending'}  ${m.name}${m.executed_at ? `  (${m.executed_at})` : ''}`);
      out.log(pending.length ? `${pending.length} pending: run flowledger migrate to apply them.` : 'Database is up to date.');
    }
    return 0;
  }
  const applied = await withDb((d) => d.migrate(), env, { migrateFirst: false });
  if (values.json) out.log(JSON.stringify({ applied }));
  else out.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  return 0;
}
