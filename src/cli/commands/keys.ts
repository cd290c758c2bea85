/** `flowledger keys create|list|revoke`. */
import { Option, type Command } from 'commander';
import { ROLES, auditKeyChange, createApiKey, getApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys.repository.js';
import { getOrg } from '../../auth/orgs.repository.js';
import type { Role } from '../../db/types.js';
import { UsageError, examples, positiveInt, withDb, type CliContext, type JsonOption } from '../cli-kit.js';

/** Key changes from the command line are audited like the API's, by the actor `cli`. */
const CLI = { actor: 'cli' };
const now = () => new Date().toISOString();

export function keysCommand(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description("An organisation's API keys: create (shown once), list, revoke.");
  keys
    .command('create')
    .description('Create an API key and print it once: only its hash is stored.')
    .requiredOption('--org <id>', 'organisation id', positiveInt())
    .addOption(new Option('--role <role>', 'what the key may do').choices(ROLES).makeOptionMandatory())
    .option('--name <name>', 'a label for the key (shown in lists and the audit trail)')
    .option('--json', 'print {"key", "key_id", "org_id", "role", "name"}')
    .addHelpText('after', examples('flowledger keys create --org 1 --role admin --name ops', 'flowledger keys create --org 1 --role viewer --json'))
    .action(ctx.run((opts: JsonOption & { org: number; role: Role; name?: string }) => create(ctx, opts)));
  keys
    .command('list')
    .description("List an organisation's keys (their prefix, never the key).")
    .requiredOption('--org <id>', 'organisation id', positiveInt())
    .option('--json', 'print JSON')
    .addHelpText('after', examples('flowledger keys list --org 1'))
    .action(ctx.run((opts: JsonOption & { org: number }) => list(ctx, opts)));
  keys
    .command('revoke')
    .description('Revoke a key: API processes stop accepting it within KEY_CACHE_TTL.')
    .argument('<key-id>', 'the key id (from keys list)', positiveInt())
    .option('--json', 'print {"key_id", "revoked_at"}')
    .addHelpText('after', examples('flowledger keys revoke 7'))
    .action(ctx.run((keyId: number, opts: JsonOption) => revoke(ctx, keyId, opts)));
}

async function create({ env, out }: CliContext, opts: JsonOption & { org: number; role: Role; name?: string }): Promise<number> {
  const created = await withDb(async (d) => {
    if (!(await getOrg(d.db, opts.org))) throw new UsageError(`Organisation ${opts.org} does not exist`);
    return d.db.transaction().execute(async (trx) => {
      const at = now();
      const key = await createApiKey(trx, { orgId: opts.org, role: opts.role, name: opts.name ?? null, now: at });
      await auditKeyChange(trx, CLI, 'created', null, key, at);
      return key;
    });
  }, env);
  if (opts.json) out.log(JSON.stringify({ key: created.key, key_id: created.key_id, org_id: created.org_id, role: created.role, name: created.name }));
  else {
    out.log(`Created ${created.role} key ${created.key_id} for organisation ${created.org_id}. Store it now; it is not shown again:`);
    out.log(created.key);
  }
  return 0;
}

async function list({ env, out }: CliContext, opts: JsonOption & { org: number }): Promise<number> {
  const keys = await withDb((d) => listApiKeys(d.db, opts.org), env);
  if (opts.json) out.log(JSON.stringify(keys));
  else if (keys.length === 0) out.log(`No keys for organisation ${opts.org}.`);
  else
    for (const k of keys)
      out.log(`${k.key_id}\t${k.role}\t${k.name ?? '-'}\t${k.key_prefix}…\tcreated ${k.created_at}\t${k.revoked_at ? `revoked ${k.revoked_at}` : 'active'}`);
  return 0;
}

async function revoke({ env, out }: CliContext, keyId: number, opts: JsonOption): Promise<number> {
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
  if (opts.json) out.log(JSON.stringify({ key_id: key.key_id, revoked_at: key.revoked_at }));
  else out.log(`Revoked key ${key.key_id}.`);
  return 0;
}
