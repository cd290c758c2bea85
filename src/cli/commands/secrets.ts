/** `flowledger secrets status|rotate`: which keys seal the stored secrets, and moving them all to the current key. */
import { assertKeysCoverStoredSecrets, countSecretsByKey, resealSecrets, resolveKeyRing } from '../../app/secrets.js';
import { ConfigError, loadConfig } from '../../config/config.js';
import type { SecretKeyRing } from '../../shared/secret-box.js';
import type { Command } from 'commander';
import { examples, positiveInt, withDb, type CliContext, type JsonOption } from '../cli-kit.js';

type KeyState = 'current' | 'previous' | 'unknown' | 'unsealed';

function stateOf(ring: SecretKeyRing | undefined, keyId: string | null): KeyState {
  if (keyId === null) return 'unsealed';
  if (ring?.currentKeyId === keyId) return 'current';
  return ring?.has(keyId) ? 'previous' : 'unknown';
}

export function secretsCommand(program: Command, ctx: CliContext): void {
  const secrets = program.command('secrets').description('Stored secrets (webhook signing secrets): which key seals them, and rotating to SECRETS_KEY.');
  secrets
    .command('status')
    .description('Count stored secrets by the key id that seals them: current, previous, unknown, or unsealed plaintext. Needs no key.')
    .option('--json', 'print {"current_key_id", "key_ids", "secrets"}')
    .addHelpText('after', examples('flowledger secrets status'))
    .action(ctx.run((opts: JsonOption) => status(ctx, opts)));
  secrets
    .command('rotate')
    .description(
      'Re-seal every stored secret under the current SECRETS_KEY (earlier keys in SECRETS_KEY_PREVIOUS), beside running ' +
        'servers. Exit code 1 if any value would not open (listed).',
    )
    .option('--batch <n>', 'secrets per statement', positiveInt(), 200)
    .option('--json', 'print {"current_key_id", "columns"}')
    .addHelpText('after', examples('SECRETS_KEY=$NEW SECRETS_KEY_PREVIOUS=$OLD flowledger secrets rotate'))
    .action(ctx.run((opts: JsonOption & { batch: number }) => rotate(ctx, opts)));
}

async function status({ env, out }: CliContext, opts: JsonOption): Promise<number> {
  const config = loadConfig(env);
  const report = await withDb(async (d) => {
    let ring: SecretKeyRing | undefined;
    try {
      ring = resolveKeyRing(config, d, { create: false });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err; // counting needs no key: report what is stored anyway
    }
    const counts = await countSecretsByKey(d.db);
    return { ring, counts: counts.map((c) => ({ column: c.column, key_id: c.keyId, count: c.count, state: stateOf(ring, c.keyId) })) };
  }, env);
  if (opts.json) {
    out.log(JSON.stringify({ current_key_id: report.ring?.currentKeyId ?? null, key_ids: report.ring?.keyIds ?? [], secrets: report.counts }));
    return 0;
  }
  out.log(report.ring ? `Current key id: ${report.ring.currentKeyId} (configured: ${report.ring.keyIds.join(', ')})` : 'No secrets key configured.');
  if (report.counts.length === 0) out.log('No stored secrets.');
  for (const c of report.counts) out.log(`${c.column}\t${c.key_id ?? '-'}\t${c.state}\t${c.count}`);
  return 0;
}

async function rotate({ env, out }: CliContext, opts: JsonOption & { batch: number }): Promise<number> {
  const config = loadConfig(env);
  const result = await withDb(async (d) => {
    const ring = resolveKeyRing(config, d, { create: false });
    if (!ring) throw new ConfigError(['No secrets key: set SECRETS_KEY, or start the server once so it creates the key file']);
    await assertKeysCoverStoredSecrets(ring, d.db);
    return { ring, summaries: await resealSecrets(ring, d.db, { which: 'all', batchSize: opts.batch }) };
  }, env);
  const unreadable = result.summaries.reduce((n, s) => n + s.unreadable.length, 0);
  if (opts.json) out.log(JSON.stringify({ current_key_id: result.ring.currentKeyId, columns: result.summaries }));
  else
    for (const s of result.summaries) {
      out.log(`${s.column}: ${s.resealed} re-sealed under key id ${result.ring.currentKeyId}, ${s.skipped} changed meanwhile (left alone), ${s.unreadable.length} unreadable`);
      for (const u of s.unreadable) out.err(`  ${s.column} ${u.ref}: ${u.error}`);
    }
  return unreadable > 0 ? 1 : 0;
}
