/**
 * Secrets at rest, process side: which key ring a process holds, the start-up checks, the one-time
 * sealing of plaintext secrets left from before migration 0012, and the rotation behind
 * `flowledger secrets rotate` / `status`. The crypto is src/shared/secret-box.ts; each table that
 * keeps a secret implements StoredSecretColumn and is listed in STORED_SECRETS below.
 *
 * Where the key comes from:
 * - SECRETS_KEY (+ SECRETS_KEY_PREVIOUS), when set, on either engine;
 * - on SQLite without it: a key file beside the database (`<file>.secrets-key`, mode 0600),
 *   generated on first start. SQLite means one machine, so every process (server, worker, CLI)
 *   finds the same file. The file must be backed up with the database: without it the stored
 *   secrets cannot be opened;
 * - on PostgreSQL without it: start-up is refused. Processes there run on many machines, and a
 *   key file per machine would silently split the fleet into processes that cannot open each
 *   other's secrets; the operator must give every process the same key.
 */
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { ConfigError, type Config } from '../config/config.js';
import type { Database, DbOrTrx } from '../db/create-db.js';
import { mailboxSecretColumn } from '../mailboxes/mailboxes.repository.js';
import { webhookSecretColumn } from '../outbox/webhooks/webhooks.repository.js';
import type { Logger } from '../shared/logger.js';
import { newSecretKey, parseSecretKey, SecretKeyRing, SecretUnreadable, type StoredSecretColumn } from '../shared/secret-box.js';

/** Every column that holds a sealed secret. Add OIDC client secrets … here. */
export const STORED_SECRETS: ReadonlyArray<StoredSecretColumn<DbOrTrx>> = [webhookSecretColumn, mailboxSecretColumn];

const OPERATIONS = 'docs/operations.md, "Secrets at rest"';

/** The key file of a SQLite database, or undefined for an in-memory one (its secrets die with it). */
export function keyFilePath(database: Database): string | undefined {
  const file = database.sqlite?.name;
  return file && file !== ':memory:' ? `${file}.secrets-key` : undefined;
}

/** Makes the key file unless it exists: of two processes starting at once, one writes ('wx') and both read it. */
function createKeyFile(path: string, logger: Pick<Logger, 'warn'> | undefined): void {
  try {
    writeFileSync(path, `${newSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw new ConfigError([`secrets key file ${path}: ${(err as Error).message}`]);
  }
  logger?.warn(
    { keyFile: path },
    'generated a secrets key file beside the database: stored secrets are sealed with it. Back it up with the database, or set SECRETS_KEY',
  );
}

/** Reads (or, with `create`, first makes) the key file; ConfigError when it holds no valid key. */
function keyFromFile(path: string, logger: Pick<Logger, 'warn'> | undefined, create: boolean): Buffer | undefined {
  if (create) createKeyFile(path, logger);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !create) return undefined;
    throw new ConfigError([`secrets key file ${path}: ${(err as Error).message}`]);
  }
  const key = parseSecretKey(text);
  if (!key) throw new ConfigError([`secrets key file ${path} does not hold a key (32 bytes as base64 or hex); restore it from your backup`]);
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    logger?.warn({ keyFile: path }, 'the secrets key file is readable by other users; tightening it to 0600');
    chmodSync(path, 0o600);
  }
  return key;
}

/**
 * The key ring this process uses, from configuration or the SQLite key file (see the top of this
 * file). With `create: false` a missing key file is not made (read-only commands).
 */
export function resolveKeyRing(config: Config, database: Database, o: { logger?: Pick<Logger, 'warn'>; create?: boolean } = {}): SecretKeyRing | undefined {
  if (config.secretsKey) return new SecretKeyRing(config.secretsKey, config.secretsKeysPrevious);
  if (database.engine === 'postgres') {
    throw new ConfigError([
      `SECRETS_KEY is required on PostgreSQL: every process must seal and open stored secrets with the same key. Generate one with "openssl rand -base64 32" and give it to every server and worker (${OPERATIONS})`,
    ]);
  }
  const path = keyFilePath(database);
  if (!path) return SecretKeyRing.ephemeral();
  const key = keyFromFile(path, o.logger, o.create !== false);
  return key ? new SecretKeyRing(key) : undefined;
}

export interface KeyCount {
  column: string;
  keyId: string | null;
  count: number;
}

export async function countSecretsByKey(db: DbOrTrx): Promise<KeyCount[]> {
  const out: KeyCount[] = [];
  for (const c of STORED_SECRETS) for (const r of await c.countByKeyId(db)) out.push({ column: c.name, ...r });
  return out;
}

/** Refuses to go on when stored secrets are sealed under a key the ring lacks (a wrong or missing key). */
export async function assertKeysCoverStoredSecrets(ring: SecretKeyRing, db: DbOrTrx): Promise<void> {
  const missing = (await countSecretsByKey(db)).filter((c) => c.keyId !== null && !ring.has(c.keyId));
  if (missing.length === 0) return;
  throw new ConfigError(
    missing.map(
      (m) =>
        `${m.count} stored secret(s) in ${m.column} are sealed under key id ${m.keyId}, which is neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS ` +
        `(configured key ids: ${ring.keyIds.join(', ')}). Configure the key they were sealed with (${OPERATIONS})`,
    ),
  );
}

export interface ResealSummary {
  column: string;
  /** Values now under the current key. */
  resealed: number;
  /** Values changed by someone else meanwhile (already under a current key): left alone. */
  skipped: number;
  /** Values that would not open (altered, moved, or under a key not configured): left as they are. */
  unreadable: Array<{ ref: number; error: string }>;
}

/**
 * Seals values under the current key, a batch at a time: every value not under it (`all`, the
 * rotation), or only the plaintext ones (`unsealed`, the one-time pass at start). Each batch is one
 * conditional statement, so it runs beside live servers and concurrent passes: a value someone else
 * changed meanwhile is left alone, and running it twice has the effect of running it once.
 */
export async function resealSecrets(
  ring: SecretKeyRing,
  db: DbOrTrx,
  o: { which: 'all' | 'unsealed'; batchSize?: number; onBatch?: (s: ResealSummary) => void },
): Promise<ResealSummary[]> {
  const batchSize = o.batchSize ?? 200;
  const summaries: ResealSummary[] = [];
  for (const column of STORED_SECRETS) {
    const summary: ResealSummary = { column: column.name, resealed: 0, skipped: 0, unreadable: [] };
    for (let after = 0; ; ) {
      const rows = await column.batchNotUnder(db, o.which === 'all' ? ring.currentKeyId : null, batchSize, after);
      if (rows.length === 0) break;
      after = rows.at(-1)!.ref;
      const values: Array<{ ref: number; expected: string; stored: string; keyId: string }> = [];
      for (const r of rows) {
        try {
          const plaintext = r.keyId === null ? r.stored : ring.open(r.stored, r.context);
          values.push({ ref: r.ref, expected: r.stored, ...ring.seal(plaintext, r.context) });
        } catch (err) {
          if (!(err instanceof SecretUnreadable)) throw err;
          summary.unreadable.push({ ref: r.ref, error: err.message });
        }
      }
      const replaced = await column.replace(db, values);
      summary.resealed += replaced;
      summary.skipped += values.length - replaced;
      o.onBatch?.(summary);
    }
    summaries.push(summary);
  }
  return summaries;
}

/**
 * What `serve` and `worker` do before anything reads a secret: resolve the key ring, refuse to
 * start when stored secrets need a key it lacks, and seal plaintext left from before 0012.
 */
export async function openSecrets(config: Config, database: Database, logger: Logger): Promise<SecretKeyRing> {
  const ring = resolveKeyRing(config, database, { logger })!;
  await assertKeysCoverStoredSecrets(ring, database.db);
  for (const s of await resealSecrets(ring, database.db, { which: 'unsealed' })) {
    if (s.resealed > 0) logger.info({ column: s.column, sealed: s.resealed }, 'sealed stored secrets that were still in plaintext');
  }
  return ring;
}
