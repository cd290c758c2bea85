/** `flowledger keys create|list|revoke`. */
import { ROLES, auditKeyChange, createApiKey, getApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys.repository.js';
import { getOrg } from '../../auth/orgs.repository.js';
import type { Role } from '../../db/types.js';
import { UsageError, positiveInt, withDb, type CommandContext } from '../cli-kit.js';

/** Key changes from the command line are audited like the API's, by the actor `cli`. */
const CLI = { actor: 'cli' };

export async function keysCommand({ values, sub, arg, env, out }: CommandContext): Promise<number> {
  const now = () => new Date().toISOString();
  if (sub === 'create') {
    const orgId = positiveInt(values.org, '--org');
    const role = values.role as Role;
    if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const created = await withDb(async (d) => {
      if (!(await getOrg(d.db, orgId))) throw new UsageError(`Organisation ${orgId} does not exist`);
      return d.db.transaction().execute(async (trx) => {
        const at = now();
        const key = await createApiKey(trx, { orgId, role, name: values.name ?? null, now: at });
        await auditKeyChange(trx, CLI, 'created', null, key, at);
        return key;
      });
    }, env);
    if (values.json)
      out.log(JSON.stringify({ key: created.key, key_id: created.key_id, org_id: created.org_id, role: created.role, name: created.name }));
    else {
      out.log(`Created ${created.role} key ${created.key_id} for organisation ${created.org_id}. Store it now; it is not shown again:`);
      out.log(created.key);
    }
    return 0;
  }
  if (sub === 'list') {
    const orgId = positiveInt(values.org, '--org');
    const keys = await withDb((d) => listApiKeys(d.db, orgId), env);
    if (values.json) out.log(JSON.stringify(keys));
    else if (keys.length === 0) out.log(`No keys for organisation ${orgId}.`);
    else
      for (const k of keys)
        out.log(
          `${k.key_id}\t${k.role}\t${k.name ?? '-'}\t${k.key_prefix}…\tcreated ${k.created_at}\t${k.revoked_at ? `revoked ${k.revoked_at}` : 'active'}`,
        );
    return 0;
  }
  if (sub === 'revoke') {
    const keyId = positiveInt(arg, 'The key id');
    const key = await withDb(
      (d) =>
        d.db.transaction().execute(async (trx) => {
          const before = await getApiKey(trx, null, keyId);
          if (!before) return undefined;
          const at = now();
          const after = (await revokeApiKey(trx, null, keyId, at))!;
          await auditKeyChange(trx, CLI, 'revoked', before, after, at);
          return after;
        }),
      env,
    );
    if (!key) {
      out.err(`No key ${keyId}.`);
      return 1;
    }
    if (values.json) out.log(JSON.stringify({ key_id: key.key_id, revoked_at: key.revoked_at }));
    else out.log(`Revoked key ${key.key_id}.`);
    return 0;
  }
  throw new UsageError('Usage: flowledger keys create|list|revoke …');
}
