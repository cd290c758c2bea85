import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitFeed } from '../src/db/commit-feed.js';
import { createLogger } from '../src/shared/logger.js';
import { openTestDatabase, testEngines, type TestDatabase } from './helpers/engines.js';
import { waitFor } from './helpers/wait-for.js';

const pgEngine = testEngines().find((e) => e.name === 'postgres');

(pgEngine ? describe : describe.skip)('commit feed LISTEN connection [postgres]', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(pgEngine!);
  });
  afterAll(() => tdb.drop());

  it('reconnects after its connection is killed, wakes once on reconnect, and hears NOTIFY again', async () => {
    let wakes = 0;
    const feed = new CommitFeed(tdb.database, createLogger('silent'));
    const sub = feed.subscribe(() => wakes++, { pollMs: 3_600_000 });
    await sub.ready;
    try {
      const first = feed.listenerPid!;
      expect(first).toEqual(expect.any(Number));
      // Counts are lower bounds: other test files share the database and the channel.
      expect(wakes).toBeGreaterThanOrEqual(1); // the wake on connect: anything committed before we listened
      let before = wakes;
      // Another process's announce reaches this one through NOTIFY.
      await new CommitFeed(tdb.database, createLogger('silent')).announce();
      await waitFor(() => wakes > before, { what: 'NOTIFY' });

      await sql`select pg_terminate_backend(${first})`.execute(tdb.database.db);
      await waitFor(() => feed.listenerPid !== undefined && feed.listenerPid !== first, { timeoutMs: 5_000, what: 'reconnect' });
      before = wakes;
      await new CommitFeed(tdb.database, createLogger('silent')).announce();
      await waitFor(() => wakes > before, { what: 'NOTIFY after reconnect' });
    } finally {
      await sub.close();
    }
    expect(feed.listenerPid).toBeUndefined();
  });

  it('runs one LISTEN connection for all its subscribers and closes it with the last one', async () => {
    const feed = new CommitFeed(tdb.database, createLogger('silent'));
    const a = feed.subscribe(() => {}, { pollMs: 3_600_000 });
    const b = feed.subscribe(() => {}, { pollMs: 3_600_000 });
    await Promise.all([a.ready, b.ready]);
    const pid = feed.listenerPid;
    expect(pid).toEqual(expect.any(Number));
    const listeners = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from pg_stat_activity where application_name = 'flowledger-listen' and pid = ${pid!}`.execute(tdb.database.db)).rows[0]!.n,
      );
    expect(await listeners()).toBe(1);
    await a.close();
    expect(feed.listenerPid).toBe(pid);
    await b.close();
    expect(feed.listenerPid).toBeUndefined();
    await waitFor(async () => (await listeners()) === 0, { what: 'LISTEN connection closed' });
  });
});
