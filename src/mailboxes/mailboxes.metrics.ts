import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/create-db.js';
import { countMailboxesByState, MAILBOX_STATES } from './mailboxes.repository.js';

const registered = new WeakSet<Registry>();

/**
 * `flowledger_mailboxes{state}`: mailboxes by state across all orgs, read from the database at
 * scrape time, so any process answering /metrics reports what the workers wrote. No per-mailbox
 * or per-org labels (their number is unbounded). Every state is reported, 0 when none has it.
 */
export function registerMailboxGauge(registry: Registry, database: Database): void {
  if (registered.has(registry)) return;
  registered.add(registry);
  new Gauge({
    name: 'flowledger_mailboxes',
    help: 'Mailboxes by state (idle, connecting, syncing, watching, error, disabled), across all organisations',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      // A database that is down leaves the last values instead of failing the whole /metrics answer.
      if (database.closed) return;
      const counts = await countMailboxesByState(database.db).catch(() => undefined);
      if (!counts) return;
      for (const state of MAILBOX_STATES) this.set({ state }, counts.find((c) => c.state === state)?.count ?? 0);
    },
  });
}
