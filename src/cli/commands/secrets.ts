/** `flowledger secrets status|rotate`: which keys seal the stored secrets, and moving them all to the current key. */
import { assertKeysCoverStoredSecrets, countSecretsByKey, resealSecrets, resolveKeyRing } from '../../app/secrets.js';
import { ConfigError, loadConfig } from '../../config/config.js';
import type { SecretKeyRing } from '../../shared/secret-box.js';
import { UsageError, positiveInt, withDb, type CommandContext } from '../cli-kit.js';

type KeyState = 'current' | 'previous' | 'unknown' | 'unsealed';

function stateOf(ring: SecretKeyRing | undefined, keyId: string | null): KeyState {
  if (keyId === null) return 'unsealed';
  if (ring?.currentKeyId === keyId) return 'current';
  return ring?.has(keyId) ? 'previous' : 'unknown';
}

export async function secretsCommand({ values, sub, env, out }: CommandContext): Promise<number> {
  const config = loadConfig(env);
  if (sub === 'status') {
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
    if (values.json) {
      out.log(JSON.stringify({ current_key_id: report.ring?.currentKeyId ?? null, key_ids: report.ring?.keyIds ?? [], secrets: report.counts }));
      return 0;
    }
    out.log(report.ring ? `Current key id: ${report.ring.currentKeyId} (configured: ${report.ring.keyIds.join(', ')})` : 'No secrets key configured.');
    if (report.counts.length === 0) out.log('No stored secrets.');
    for (const c of report.counts) out.log(`${c.column}\t${c.key_id ?? '-'}\t${c.state}\t${c.count}`);
    return 0;
  }
  if (sub === 'rotate') {
    const batchSize = values.batch === undefined ? 200 : positiveInt(values.batch, '--batch');
    const result = await withDb(async (d) => {
      const ring = resolveKeyRing(config, d, { create: false });
      if (!ring) throw new ConfigError(['No secrets key: set SECRETS_KEY, or start the server once so it creates the key file']);
      await assertKeysCoverStoredSecrets(ring, d.db);
      return { ring, summaries: await resealSecrets(ring, d.db, { which: 'all', batchSize }) };
    }, env);
    const unreadable = result.summaries.reduce((n, s) => n + s.unreadable.length, 0);
    if (values.json) out.log(JSON.stringify({ current_key_id: result.ring.currentKeyId, columns: result.summaries }));
    else
      for (const s of result.summaries) {
        out.log(`${s.column}: ${s.resealed} re-sealed under key id ${result.ring.currentKeyId}, ${s.skipped} changed meanwhile (left alone), ${s.unreadable.length} unreadable`);
        for (const u of s.unreadable) out.err(`  ${s.column} ${u.ref}: ${u.error}`);
      }
    return unreadable > 0 ? 1 : 0;
  }
  throw new UsageError('Usage: flowledger secrets status|rotate [--batch N] [--json]');
}
