import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgListener, notifyOtherProcesses } from '../src/outbox/wake-sources.js';
import { createLogger } from '../src/shared/logger.js';
import { openTestDatabase, testEngines, type TestDatabase } from './helpers/engines.js';
import { waitFor } from './helpers/wait-for.js';

const pgEngine = testEngines().find((e) => e.name === 'postgres');

(pgEngine ? describe : describe.skip)('outbox LISTEN connection [postgres]', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(pgEngine!);
  });
  afterAll(() => tdb.drop());

  it('reconnects after its connection is killed, wakes once on reconnect, and hears NOTIFY again', async () => {
    let wakes = 0;
    const listener = new PgListener(tdb.database.pgPool!, () => wakes++, createLogger('silent'));
    await listener.start();
    try {
      const first = listener.backendPid!;
      expect(first).toEqual(expect.any(Number));
      // Counts are lower bounds: other test files share the database and the channel.
      expect(wakes).toBeGreaterThanOrEqual(1); // the wake on connect: anything committed before we listened
      let before = wakes;
      await notifyOtherProcesses(tdb.database);
      await waitFor(() => wakes > before, { what: 'NOTIFY' });

      await sql`select pg_terminate_backend(${first})`.execute(tdb.database.db);
      await waitFor(() => listener.backendPid !== undefined && listener.backendPid !== first, { timeoutMs: 5_000, what: 'reconnect' });
      before = wakes;
      await notifyOtherProcesses(tdb.database);
      await waitFor(() => wakes > before, { what: 'NOTIFY after reconnect' });
    } finally {
      await listener.stop();
    }
    expect(listener.backendPid).toBeUndefined();
  });
});
