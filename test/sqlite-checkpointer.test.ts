/**
 * WAL checkpoints off the event loop (src/db/sqlite-checkpointer.ts): a handle opened with
 * backgroundCheckpoint never checkpoints in its own commits, a worker thread does; without the
 * worker the handle checkpoints inline again. On PostgreSQL the option changes nothing.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { createOrg } from '../src/auth/orgs.repository.js';
import { createDatabase } from '../src/db/create-db.js';
import { startCheckpointer } from '../src/db/sqlite-checkpointer.js';
import { describeEachEngine, openTestDatabase } from './helpers/engines.js';
import { waitFor } from './helpers/wait-for.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-ckpt-'));
  dirs.push(dir);
  return join(dir, 'test.db');
};

describeEachEngine('background WAL checkpoints', (engine) => {
  it('a handle opened with backgroundCheckpoint reads and writes as any other, and closes', async () => {
    const tdb = await openTestDatabase(engine);
    const database = createDatabase(tdb.processUrl, { backgroundCheckpoint: true });
    try {
      const now = new Date().toISOString();
      const org = await createOrg(database.db, { name: 'Checkpointed', now });
      const token = await database.changeToken(org.org_id);
      await database.db.updateTable('org').set({ name: 'Renamed' }).where('org_id', '=', org.org_id).execute();
      expect(await database.changeToken(org.org_id)).not.toBe(token);
      expect((await database.db.selectFrom('org').select('name').where('org_id', '=', org.org_id).executeTakeFirstOrThrow()).name).toBe('Renamed');
      await database.close();
      expect(database.closed).toBe(true);
    } finally {
      await database.close();
      await tdb.drop();
    }
  });
});

it('SQLite: the committing connection never checkpoints; the worker copies the WAL into the database file', async () => {
  const file = tempFile();
  const database = createDatabase(`sqlite:${file}`, { backgroundCheckpoint: true });
  try {
    expect(database.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await sql`create table blob_t (id integer primary key, b blob)`.execute(database.db);
    const before = statSync(file).size;
    // ~5 MB: over the 1,000 frames at which the worker checkpoints. The connection itself never
    // does (wal_autocheckpoint 0, above), so only the worker moves them into the database file.
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 80; i++) await sql`insert into blob_t (b) values (zeroblob(65536))`.execute(trx);
    });
    await waitFor(() => statSync(file).size > before + 5_000_000, { timeoutMs: 10_000, what: 'the database file to grow by the checkpoint' });
  } finally {
    await database.close();
  }
  // Closed: the last connection's close checkpointed what was left and removed the WAL.
  expect(existsSync(`${file}-wal`)).toBe(false);
  const reopened = new BetterSqlite3(file, { readonly: true });
  expect(reopened.prepare('select count(*) as n from blob_t').get()).toEqual({ n: 80 });
  reopened.close();
});

it('SQLite: without its worker (it failed), the connection checkpoints inline again', async () => {
  const conn = new BetterSqlite3(tempFile());
  conn.pragma('journal_mode = WAL');
  try {
    // A file the worker cannot open: it fails at start.
    const checkpointer = startCheckpointer(conn, join(tmpdir(), 'flowledger-no-such-dir', 'x', 'y.db'));
    await waitFor(() => conn.pragma('wal_autocheckpoint', { simple: true }) === 1000, { timeoutMs: 10_000, what: 'inline checkpoints back' });
    await checkpointer.stop();
  } finally {
    conn.close();
  }
});

it('SQLite: stop() hands checkpoints back to the connection', async () => {
  const conn = new BetterSqlite3(tempFile());
  conn.pragma('journal_mode = WAL');
  try {
    const checkpointer = startCheckpointer(conn, conn.name);
    expect(conn.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await checkpointer.stop();
    expect(conn.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  } finally {
    conn.close();
  }
});
