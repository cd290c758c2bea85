/** `flowledger orgs create --name NAME`. */
import { createOrg } from '../../auth/orgs.repository.js';
import { UsageError, withDb, type CommandContext } from '../cli-kit.js';

export async function orgsCommand({ values, sub, env, out }: CommandContext): Promise<number> {
  const now = () => new Date().toISOString();
  if (sub !== 'create') throw new UsageError('Usage: flowledger orgs create --name NAME');
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required');
  const org = await withDb((d) => createOrg(d.db, { name, now: now() }), env);
  if (values.json) out.log(JSON.stringify({ org_id: org.org_id, name: org.name }));
  else out.log(`Created organisation ${org.org_id} "${org.name}"`);
  return 0;
}
