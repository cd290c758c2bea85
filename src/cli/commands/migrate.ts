/** `flowledger migrate`: apply database migrations and exit. */
import { type Database } from '../../db/create-db.js';
import { withDb, type CommandContext } from '../cli-kit.js';

export async function migrateCommand({ values, env, out }: CommandContext): Promise<number> {
  const applied = await withDb((d) => d.migrate(), env, { migrateFirst: false });
  if (values.json) out.log(JSON.stringify({ applied }));
  else out.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  return 0;
}
