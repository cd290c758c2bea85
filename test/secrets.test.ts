/**
 * Secrets at rest: webhook secrets are sealed in the database, open only with a configured key and
 * only in their own row, keep signing deliveries across a key rotation done while a server runs,
 * and a wrong or missing key stops start-up with a clear message.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { stepMigrator } from './helpers/step-migrator.js';
import { keyFilePath, openSecrets } from '../src/app/secrets.js';
import { serve, type RunningServer } from '../src/app/serve-role.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { transact } from '../src/db/transact.js';
import { verifySignature } from '../src/outbox/webhooks/signature.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import { createLogger } from '../src/shared/logger.js';
import { newSecretKey, parseSecretKey, secretKeyId } from '../src/shared/secret-box.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';
import { testWorker } from './helpers/outbox-seed.js';
import { runCliProcess } from './helpers/processes.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { waitFor } from './helpers/wait-for.js';

interface Hit {
  webhook: string;
  event: string;
  signatureOk: boolean;
}

/** A receiver on loopback that checks each request's signature against the secret of the path it was sent to. */
async function startReceiver() {
  const secrets = new Map<string, string>();
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const webhook = req.url!.slice(1);
      const secret = secrets.get(webhook) ?? '';
      hits.push({ webhook, event: String(req.headers['x-flowledger-event']), signatureOk: verifySignature(body, secret, req.headers['x-flowledger-signature'] as string) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    hits,
    /** A URL whose requests are checked against `secret`. */
    urlFor(name: string, secret: string) {
      secrets.set(name, secret);
      return `${base}/${name}`;
    },
    /** After an API answer tells the secret (creation, rotation). */
    setSecret(name: string, secret: string) {
      secrets.set(name, secret);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describeEachEngine('webhook secrets at rest', (engine) => {
  let receiver: Receiver;
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await createTestApp(engine, { env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' } });
    org = await t.createOrg('Acme');
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const rawRow = (id: number) => t.db.database.db.selectFrom('webhook_endpoint').selectAll().where('webhook_id', '=', id).executeTakeFirstOrThrow();
  const append = (eventName: string) =>
    transact(t.deps, (trx) => appendEvent(trx, { orgId: org.orgId, eventName, itemType: 'pursuit', itemId: 1, happenedAt: t.clock.now().toISOString() }));
  const create = async (name: string, secret: string | undefined, events: string[]) => {
    const res = await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: receiver.urlFor(name, secret ?? ''), events, ...(secret ? { secret } : {}) } });
    expect(res.statusCode).toBe(201);
    receiver.setSecret(name, res.json().secret);
    return res.json() as { webhook_id: number; secret: string; secret_prefix: string };
  };

  it('keeps only a sealed value in the database, shows the secret once, and deliveries still sign with it', async () => {
    const secret = 'my-chosen-secret-0123456789';
    const hook = await create('plain', secret, ['pursuit.won']);
    expect(hook.secret).toBe(secret);
    expect(hook.secret_prefix).toBe('my-c');

    const row = await rawRow(hook.webhook_id);
    expect(row.secret).not.toContain(secret);
    expect(row.secret).not.toContain('0123456789');
    expect(row.secret).toMatch(new RegExp(`^fl1:${t.deps.secrets.currentKeyId}:[A-Za-z0-9_-]+$`));
    expect(row.secret_key_id).toBe(t.deps.secrets.currentKeyId);

    // A refused secret is named, never echoed.
    const refused = await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: receiver.urlFor('refused', ''), secret: 'too-short-pw' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.fields).toEqual([{ field: 'secret', message: 'secret must be at least 16 characters' }]);
    expect(refused.body).not.toContain('too-short-pw');

    for (const url of ['/api/webhooks', `/api/webhooks/${hook.webhook_id}`, '/api/workstream/events']) {
      const body = (await t.call(org.admin, { method: 'GET', url })).body;
      expect(body, url).not.toContain(secret);
      expect(body, url).not.toContain(row.secret);
    }

    await append('pursuit.won');
    await testWorker(t, defaultHandlers(t.deps)).drain();
    expect(receiver.hits.filter((h) => h.webhook === 'plain')).toEqual([{ webhook: 'plain', event: 'pursuit.won', signatureOk: true }]);
  });

  it('signs with the new secret after a rotation through the API', async () => {
    const hook = await create('rotating', undefined, ['pursuit.lost']);
    const rotated = await t.call(org.admin, { method: 'PATCH', url: `/api/webhooks/${hook.webhook_id}`, payload: { rotate_secret: true } });
    expect(rotated.json().secret).not.toBe(hook.secret);
    receiver.setSecret('rotating', rotated.json().secret);
    expect((await rawRow(hook.webhook_id)).secret).not.toContain(rotated.json().secret.slice(6));
    await append('pursuit.lost');
    await testWorker(t, defaultHandlers(t.deps)).drain();
    expect(receiver.hits.filter((h) => h.webhook === 'rotating')).toEqual([{ webhook: 'rotating', event: 'pursuit.lost', signatureOk: true }]);
  });

  it('fails closed on an altered or moved ciphertext: nothing is sent and the delivery is dead-lettered with the reason', async () => {
    const a = await create('tampered', undefined, ['pursuit.red']);
    const b = await create('moved', undefined, ['pursuit.red']);
    const rowA = await rawRow(a.webhook_id);
    const flipped = rowA.secret.slice(0, -2) + (rowA.secret.at(-2) === 'A' ? 'B' : 'A') + rowA.secret.at(-1);
    await t.db.database.db.updateTable('webhook_endpoint').set({ secret: flipped }).where('webhook_id', '=', a.webhook_id).execute();
    // B gets A's (intact) sealed value: it opens only in A's row.
    const rowA2 = await t.db.database.db
      .updateTable('webhook_endpoint')
      .set({ secret: rowA.secret })
      .where('webhook_id', '=', b.webhook_id)
      .returning('secret')
      .executeTakeFirstOrThrow();
    expect(rowA2.secret).toBe(rowA.secret);

    await append('pursuit.red');
    const r = await testWorker(t, defaultHandlers(t.deps)).drain();
    expect(r.deadLettered).toBe(2);
    expect(receiver.hits.filter((h) => h.webhook === 'tampered' || h.webhook === 'moved')).toEqual([]);
    for (const id of [a.webhook_id, b.webhook_id]) {
      const log = (await t.call(org.admin, { method: 'GET', url: `/api/webhooks/${id}/deliveries` })).json().data;
      expect(log).toEqual([expect.objectContaining({ succeeded: false, status_code: null, error: expect.stringMatching(/signing secret unreadable: .*failed authentication/) })]);
    }
  });

  it('seals plaintext secrets left from before migration 0012 at the next start, once', async () => {
    const now = t.clock.now().toISOString();
    const legacy = await t.db.database.db
      .insertInto('webhook_endpoint')
      .values({ org_id: org.orgId, url: receiver.urlFor('legacy', 'legacy-plaintext-secret-42'), secret: 'legacy-plaintext-secret-42', events_json: '["pursuit.pink"]', is_active: true, created_at: now })
      .returning('webhook_id')
      .executeTakeFirstOrThrow();
    const ring = await openSecrets(t.deps.config, t.db.database, createLogger('silent'));
    expect(ring.currentKeyId).toBe(t.deps.secrets.currentKeyId);
    const sealed = await rawRow(legacy.webhook_id);
    expect(sealed.secret_key_id).toBe(ring.currentKeyId);
    expect(sealed.secret).not.toContain('legacy-plaintext');
    await openSecrets(t.deps.config, t.db.database, createLogger('silent'));
    expect((await rawRow(legacy.webhook_id)).secret).toBe(sealed.secret); // a second pass changes nothing

    await append('pursuit.pink');
    await testWorker(t, defaultHandlers(t.deps)).drain();
    expect(receiver.hits.filter((h) => h.webhook === 'legacy')).toEqual([{ webhook: 'legacy', event: 'pursuit.pink', signatureOk: true }]);
  });
});

describeEachEngine('upgrading a database with plaintext webhook secrets', (engine) => {
  it('keeps a short prefix from migration 0012 and seals every secret at the first start, opening to the same secret', async () => {
    const tdb = await openTestDatabase(engine, { migrate: false });
    try {
      const db = tdb.database.db;
      const migrator = stepMigrator(db, engine.name, tdb.schema);
      expect((await migrator.migrateTo('0009_entities_without_nul')).error).toBeUndefined();
      const now = new Date().toISOString();
      await db.insertInto('org').values({ org_id: 1, name: 'Old', created_at: now }).execute();
      const old = [
        { webhook_id: 1, secret: 'whsec_ABCDefgh0123456789abcdefghijklmn' },
        { webhook_id: 2, secret: 'a-secret-chosen-by-the-customer' },
      ];
      for (const o of old) {
        await (db as unknown as Kysely<any>) // the columns as they were before 0012
          .insertInto('webhook_endpoint')
          .values({ ...o, org_id: 1, url: 'https://example.com/hook', created_at: now })
          .execute();
      }
      await tdb.database.migrate();
      const migrated = await db.selectFrom('webhook_endpoint').selectAll().orderBy('webhook_id').execute();
      expect(migrated.map((r) => [r.secret_prefix, r.secret_key_id])).toEqual([
        ['whsec_ABCD', null],
        ['a-se', null],
      ]);

      const ring = await openSecrets(loadConfig({ DATABASE_URL: tdb.url, SECRETS_KEY: newSecretKey() }), tdb.database, createLogger('silent'));
      const sealed = await db.selectFrom('webhook_endpoint').selectAll().orderBy('webhook_id').execute();
      for (const [i, r] of sealed.entries()) {
        expect(r.secret_key_id).toBe(ring.currentKeyId);
        expect(r.secret).not.toContain(old[i]!.secret.slice(6, 16));
        expect(ring.open(r.secret, `webhook_endpoint.secret:1:${r.webhook_id}`)).toBe(old[i]!.secret);
      }
    } finally {
      await tdb.drop();
    }
  });
});

describeEachEngine('secrets key rotation under a live server', (engine) => {
  let receiver: Receiver;
  let tdb: TestDatabase;
  const keyA = newSecretKey();
  const keyB = newSecretKey();
  const idOf = (k: string) => secretKeyId(parseSecretKey(k)!);
  let adminKey = '';

  beforeAll(async () => {
    receiver = await startReceiver();
    tdb = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await tdb.drop();
    await receiver.close();
  });

  const env = (keys: { current: string; previous?: string }) => ({
    DATABASE_URL: tdb.processUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    OUTBOX_POLL_INTERVAL: '100ms',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    SHUTDOWN_DRAIN_DELAY: '0',
    SECRETS_KEY: keys.current,
    SECRETS_KEY_PREVIOUS: keys.previous ?? '',
  });

  async function start(keys: { current: string; previous?: string }): Promise<RunningServer> {
    return serve({
      workers: true,
      env: env(keys),
      print: (line) => {
        const m = /^\s+(fl_\S+)$/.exec(line);
        if (m) adminKey = m[1]!;
      },
    });
  }

  const api = (server: RunningServer, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  async function addHook(server: RunningServer, name: string): Promise<void> {
    const res = await api(server, 'POST', '/api/webhooks', { url: receiver.urlFor(name, ''), events: ['signal.*'] });
    expect(res.status).toBe(201);
    receiver.setSecret(name, ((await res.json()) as { secret: string }).secret);
  }

  /** Records a signal through the API and waits until every hook got it, signed. */
  async function signalReachesAll(server: RunningServer, hooks: string[], ref: string): Promise<void> {
    const before = receiver.hits.length;
    expect((await api(server, 'POST', '/api/workstream/signals', { source_type: 'email', source_ref: ref })).status).toBe(201);
    const mine = await waitFor(() => (receiver.hits.length - before >= hooks.length ? receiver.hits.slice(before) : undefined), {
      timeoutMs: 15_000,
      what: `deliveries of ${ref}`,
    });
    expect(mine.map((h) => h.webhook).sort()).toEqual([...hooks].sort());
    expect(mine.every((h) => h.signatureOk && h.event === 'signal.created')).toBe(true);
  }

  const status = async (keys: { current: string; previous?: string }) => {
    const r = await runCliProcess(['secrets', 'status', '--json'], env(keys));
    expect(r.code, r.output).toBe(0);
    return JSON.parse(r.output.trim().split('\n').at(-1)!) as { current_key_id: string; secrets: Array<{ key_id: string; count: number; state: string }> };
  };

  it('re-seals every secret under the new key while the server keeps delivering, then runs on the new key alone', async () => {
    let server = await start({ current: keyA });
    try {
      expect(adminKey).toMatch(/^fl_/);
      await addHook(server, 'first');
      await signalReachesAll(server, ['first'], 'r1');
    } finally {
      await server.stop();
    }

    // New key current, old key previous: the old secret still opens, a new one is sealed under B.
    server = await start({ current: keyB, previous: keyA });
    try {
      await addHook(server, 'second');
      await signalReachesAll(server, ['first', 'second'], 'r2');
      expect((await status({ current: keyB, previous: keyA })).secrets).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key_id: idOf(keyA), count: 1, state: 'previous' }),
          expect.objectContaining({ key_id: idOf(keyB), count: 1, state: 'current' }),
        ]),
      );

      // Rotation from another process while this server runs.
      const rotated = await runCliProcess(['secrets', 'rotate', '--json', '--batch', '1'], env({ current: keyB, previous: keyA }));
      expect(rotated.code, rotated.output).toBe(0);
      expect(JSON.parse(rotated.output.trim().split('\n').at(-1)!).columns).toEqual([
        { column: 'webhook_endpoint.secret', resealed: 1, skipped: 0, unreadable: [] },
        // Every sealed column is covered (mailbox credentials too; this org has no mailbox).
        { column: 'mailbox.secret', resealed: 0, skipped: 0, unreadable: [] },
      ]);
      await signalReachesAll(server, ['first', 'second'], 'r3');
      const after = await status({ current: keyB, previous: keyA });
      expect(after.secrets).toEqual([{ column: 'webhook_endpoint.secret', key_id: idOf(keyB), count: 2, state: 'current' }]);
    } finally {
      await server.stop();
    }

    // The previous key removed: everything still opens.
    server = await start({ current: keyB });
    try {
      await signalReachesAll(server, ['first', 'second'], 'r4');
    } finally {
      await server.stop();
    }

    // Back to the old key alone: the secrets are not under it, so start-up is refused, clearly.
    const refused = await start({ current: keyA }).then(
      async (s) => {
        await s.stop();
        return undefined;
      },
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).message).toContain(`2 stored secret(s) in webhook_endpoint.secret are sealed under key id ${idOf(keyB)}`);
    expect((refused as ConfigError).message).toContain(`configured key ids: ${idOf(keyA)}`);
  });

  it('exits 78 with the reason, not a stack, when the key is wrong', async () => {
    const r = await runCliProcess(['serve', '--no-workers'], { ...env({ current: newSecretKey() }), LOG_LEVEL: 'error' });
    expect(r.code).toBe(78);
    expect(r.output).toMatch(/are sealed under key id [0-9a-f]{12}, which is neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS/);
    expect(r.output).not.toMatch(/\n\s+at /);
  });
});

describe('where the secrets key comes from', () => {
  it('refuses to start on PostgreSQL without SECRETS_KEY, with a clear message', async (ctx) => {
    const pg = process.env.TEST_DATABASE_URL;
    if (!pg) return ctx.skip();
    const tdb = await openTestDatabase({ name: 'postgres', url: pg });
    try {
      const r = await runCliProcess(['worker'], { DATABASE_URL: tdb.processUrl, SECRETS_KEY: '', LOG_LEVEL: 'error' });
      expect(r.code).toBe(78);
      expect(r.output).toContain('SECRETS_KEY is required on PostgreSQL');
      expect(r.output).not.toMatch(/\n\s+at /);
    } finally {
      await tdb.drop();
    }
  });

  it('on SQLite without SECRETS_KEY, makes a 0600 key file beside the database once, and reuses it', async () => {
    const tdb = await openTestDatabase({ name: 'sqlite', url: 'sqlite:' });
    try {
      const config = loadConfig({ DATABASE_URL: tdb.url });
      const path = keyFilePath(tdb.database)!;
      expect(path).toBe(`${tdb.url.slice('sqlite:'.length)}.secrets-key`);
      expect(existsSync(path)).toBe(false);
      const first = await openSecrets(config, tdb.database, createLogger('silent'));
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const second = await openSecrets(config, tdb.database, createLogger('silent'));
      expect(second.currentKeyId).toBe(first.currentKeyId);
      expect(secretKeyId(parseSecretKey(readFileSync(path, 'utf8'))!)).toBe(first.currentKeyId);

      // A key file replaced by another key (a restore without its key): refused once secrets exist.
      const now = new Date().toISOString();
      const { stored, keyId } = first.seal('s', 'webhook_endpoint.secret:1:1');
      await tdb.database.db.insertInto('org').values({ org_id: 1, name: 'O', created_at: now }).execute();
      await tdb.database.db
        .insertInto('webhook_endpoint')
        .values({ webhook_id: 1, org_id: 1, url: 'https://example.com/', secret: stored, secret_key_id: keyId, created_at: now })
        .execute();
      writeFileSync(path, `${newSecretKey()}\n`);
      await expect(openSecrets(config, tdb.database, createLogger('silent'))).rejects.toThrow(ConfigError);
      writeFileSync(path, 'garbage\n');
      await expect(openSecrets(config, tdb.database, createLogger('silent'))).rejects.toThrow(/does not hold a key/);
    } finally {
      await tdb.drop();
    }
  });
});
