/**
 * The event feed: committed work events in commit order, from an opaque position, without losing
 * one to a transaction that commits late and without one long transaction holding the others back.
 * The realtime commit tap reads it live; a resuming WebSocket client replays its org's part of it.
 *
 * Positions (opaque to everyone outside this file):
 * - SQLite `s.<epoch>.<id>`: one writer at a time makes id order commit order, so "everything up to
 *   work_event_id <id>" is exact, per event.
 * - PostgreSQL `p.<epoch>.<xmin>:<xmax>:<xip,…>`: a pg_snapshot after which everything has been read.
 *   Ids are taken before commit, so they say nothing about commit order; each row records its
 *   transaction's top-level id (migration 0024) instead. The next read, in one statement, takes the
 *   rows whose transaction was not visible in the old snapshot (`xact_id >= xmax` or in `xip`) and
 *   is visible in the statement's own snapshot (`pg_current_snapshot()`, which is the snapshot the
 *   statement reads rows with), and returns that snapshot as the new position. So the rows returned
 *   are exactly those that became visible in between; a transaction still running stays in the
 *   new snapshot's `xip` and its rows come with the read after it commits, while every other
 *   transaction's rows come as soon as they commit. Big reads are paged by (xact_id, work_event_id)
 *   against that same snapshot, passed back as a parameter, so nothing between pages is skipped.
 *   A position cannot name a point inside a read, so an event that is not the last of its org in a
 *   read carries the position before the read: resuming from it can repeat events, never skip one.
 * - `<epoch>` is random per database (work_event_feed): a position from another one is foreign.
 */
import { PostgresAdapter, sql, type SelectQueryBuilder } from 'kysely';
import type { Database, DbOrTrx } from './create-db.js';

/** What a feed read returns of each work event. */
export interface FeedEvent {
  work_event_id: number;
  org_id: number;
  event_name: string;
  item_type: string;
  item_id: string;
  payload_json: string;
  actor: string | null;
  happened_at: string;
}

export interface FeedPage {
  events: FeedEvent[];
  /** Per event: a position a reader that has seen this event (and the ones before it) may resume from. */
  positions: string[];
  /** Where the next read starts; on a page that is not the last of its read, the read's start. */
  position: string;
  last: boolean;
}

export type ResyncReason = 'unreadable' | 'foreign' | 'too_old' | 'too_many';

export type Replay = { ok: true; events: FeedEvent[]; positions: string[]; position: string } | { ok: false; reason: ResyncReason };

interface SqlitePos {
  kind: 's';
  id: number;
}
interface PgPos {
  kind: 'p';
  snapshot: string;
  xmax: bigint;
  xip: bigint[];
}
type Pos = SqlitePos | PgPos;

const SNAPSHOT = /^(\d{1,20}):(\d{1,20}):((?:\d{1,20})(?:,\d{1,20})*)?$/;
const PAGE = 1_000;
const COLUMNS = ['work_event_id', 'org_id', 'event_name', 'item_type', 'item_id', 'payload_json', 'actor', 'happened_at'] as const;

const xipOf = (list: string | undefined): bigint[] => (list ? list.split(',').map(BigInt) : []);

export class EventFeed {
  private epochValue: string | undefined;

  constructor(private readonly database: Database) {}

  private get pg(): boolean {
    return !this.database.caps.singleWriter;
  }

  private async epoch(): Promise<string> {
    if (this.epochValue) return this.epochValue;
    const r = await this.database.db.selectFrom('work_event_feed').select('epoch').where('id', '=', 1).executeTakeFirstOrThrow();
    return (this.epochValue = r.epoch);
  }

  private format(p: { id: number } | { snapshot: string }, epoch: string): string {
    return 'id' in p ? `s.${epoch}.${p.id}` : `p.${epoch}.${p.snapshot}`;
  }

  /** The position now: everything committed so far counts as read. */
  async current(): Promise<string> {
    const epoch = await this.epoch();
    if (this.pg) {
      const r = await sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(this.database.db);
      return this.format({ snapshot: r.rows[0]!.s }, epoch);
    }
    const r = await this.database.db.selectFrom('work_event').select((eb) => eb.fn.max('work_event_id').as('m')).executeTakeFirst();
    return this.format({ id: Number(r?.m ?? 0) }, epoch);
  }

  /** Parses a position of this database and engine; undefined when it is not one. */
  private async parse(position: string): Promise<Pos | 'unreadable' | 'foreign'> {
    const m = /^([sp])\.([0-9a-f]{1,32})\.(.{1,20000})$/.exec(position);
    if (!m) return 'unreadable';
    const [, kind, epoch, rest] = m;
    if (kind !== (this.pg ? 'p' : 's') || epoch !== (await this.epoch())) return 'foreign';
    if (kind === 's') return /^\d{1,15}$/.test(rest!) ? { kind: 's', id: Number(rest) } : 'unreadable';
    const s = SNAPSHOT.exec(rest!);
    if (!s || BigInt(s[1]!) > BigInt(s[2]!)) return 'unreadable';
    return { kind: 'p', snapshot: rest!, xmax: BigInt(s[2]!), xip: xipOf(s[3]) };
  }

  /**
   * Everything committed after `position`, in feed order, page by page; the last page says where
   * the next read starts (even when nothing was new, so a snapshot never grows stale).
   */
  async *read(position: string, opts: { orgId?: number; pageSize?: number } = {}): AsyncGenerator<FeedPage> {
    const from = await this.parse(position);
    if (typeof from === 'string') throw new Error(`event feed: not a position of this database (${from})`);
    yield* this.pages(from, position, opts);
  }

  private async *pages(from: Pos, position: string, opts: { orgId?: number; pageSize?: number }): AsyncGenerator<FeedPage> {
    const epoch = await this.epoch();
    const size = opts.pageSize ?? PAGE;
    if (from.kind === 's') {
      let after = from.id;
      for (;;) {
        const events = await this.database.db
          .selectFrom('work_event')
          .select(COLUMNS)
          .where('work_event_id', '>', after)
          .$if(opts.orgId !== undefined, (q) => q.where('org_id', '=', opts.orgId!))
          .orderBy('work_event_id')
          .limit(size)
          .execute();
        if (events.length > 0) after = events[events.length - 1]!.work_event_id;
        const positions = events.map((e) => this.format({ id: e.work_event_id }, epoch));
        const last = events.length < size;
        yield { events, positions, position: this.format({ id: after }, epoch), last };
        if (last) return;
      }
    }
    let current: string | undefined;
    let key: { xact: string; id: number } | undefined;
    for (;;) {
      const rows = await this.pgPage(from.snapshot, current, key, opts.orgId, size);
      current ??= rows[0]!.snap;
      const events = rows.filter((r) => r.work_event_id !== null).map(({ snap: _s, x8: _x, ...e }) => e) as Array<FeedEvent & { xact_id: string }>;
      const last = events.length < size;
      const before = position;
      const after = this.format({ snapshot: current }, epoch);
      const positions = events.map(() => before);
      if (last) {
        // The last event of each org in the read may carry the new position: its reader has had the rest.
        const seen = new Set<number>();
        for (let i = events.length - 1; i >= 0; i--) {
          if (seen.has(events[i]!.org_id)) continue;
          seen.add(events[i]!.org_id);
          positions[i] = after;
        }
      }
      if (events.length > 0) key = { xact: events[events.length - 1]!.xact_id, id: events[events.length - 1]!.work_event_id };
      yield { events: events.map(({ xact_id: _x, ...e }) => e), positions, position: last ? after : before, last };
      if (last) return;
    }
  }

  /**
   * One page on PostgreSQL. The first takes the statement's own snapshot as "current" (and returns
   * it even with no rows: the left join); later pages pass it back. `= any(array(…))` rather than
   * `in (select …)`: both arms of the `or` are then index conditions on xact_id (a bitmap or).
   */
  private async pgPage(since: string, current: string | undefined, key: { xact: string; id: number } | undefined, orgId: number | undefined, size: number) {
    const cur = current === undefined ? sql`pg_current_snapshot()` : sql`${current}::pg_snapshot`;
    const org = orgId === undefined ? sql`` : sql`and w.org_id = ${orgId}`;
    const after = key === undefined ? sql`` : sql`and (w.xact_id, w.work_event_id) > (${key.xact}::xid8, ${key.id})`;
    const r = await sql<{ snap: string; x8: unknown; xact_id: string } & { [K in keyof FeedEvent]: FeedEvent[K] | null }>`
      select c.snap::text as snap, e.*
      from (select ${cur} as snap) c
      left join lateral (
        select w.xact_id as x8, w.xact_id::text as xact_id, ${sql.join(COLUMNS.map((col) => sql.ref(`w.${col}`)))}
        from work_event w
        where (w.xact_id >= pg_snapshot_xmax(${since}::pg_snapshot) or w.xact_id = any(array(select pg_snapshot_xip(${since}::pg_snapshot))))
          and pg_visible_in_snapshot(w.xact_id, c.snap) ${org} ${after}
        order by w.xact_id, w.work_event_id
        limit ${size}
      ) e on true
      order by e.x8, e.work_event_id`.execute(this.database.db);
    return r.rows;
  }

  /**
   * A resuming reader's events: the org's since `position` up to now, at most `max`; or why it must
   * reload instead (unreadable or foreign position, older than what retention kept, too many).
   */
  async replay(position: string, orgId: number, max: number): Promise<Replay> {
    const from = await this.parse(position);
    if (typeof from === 'string') return { ok: false, reason: from };
    const limits = await this.limits();
    if (from.kind === 's') {
      if (from.id > limits.newest) return { ok: false, reason: 'foreign' };
      if (from.id < limits.prunedEventId) return { ok: false, reason: 'too_old' };
    } else {
      if (from.xmax > limits.xmax) return { ok: false, reason: 'foreign' };
      // A pruned event was missed if its transaction was not visible at the position: at or past its
      // xmax, or in its xip. A transaction in its xip that is still running now has no pruned
      // events (only committed, processed events are pruned), so another session's long
      // transaction, anywhere on the server, does not make every position look too old.
      const h = limits.prunedXact;
      if (h > 0n && (h >= from.xmax || from.xip.some((x) => x <= h && !limits.running.has(x)))) return { ok: false, reason: 'too_old' };
    }
    const events: FeedEvent[] = [];
    const positions: string[] = [];
    let next = position;
    for await (const page of this.pages(from, position, { orgId, pageSize: Math.min(PAGE, max + 1) })) {
      events.push(...page.events);
      positions.push(...page.positions);
      next = page.position;
      if (events.length > max) return { ok: false, reason: 'too_many' };
    }
    return { ok: true, events, positions, position: next };
  }

  private async limits(): Promise<{ prunedEventId: number; prunedXact: bigint; newest: number; xmax: bigint; running: Set<bigint> }> {
    const row = await this.database.db
      .selectFrom('work_event_feed')
      .select(['pruned_event_id', 'pruned_xact_id'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const base = { prunedEventId: Number(row.pruned_event_id), prunedXact: BigInt(row.pruned_xact_id) };
    if (this.pg) {
      const r = await sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(this.database.db);
      const now = SNAPSHOT.exec(r.rows[0]!.s)!;
      return { ...base, newest: 0, xmax: BigInt(now[2]!), running: new Set(xipOf(now[3])) };
    }
    // AUTOINCREMENT's high-water mark: unlike max(work_event_id), pruning never lowers it.
    const r = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'work_event'`.execute(this.database.db);
    return { ...base, newest: Number(r.rows[0]?.seq ?? 0), xmax: 0n, running: new Set() };
  }
}

/**
 * Deletes the work events `ids` selects and records the highest deleted (id, xact_id) in
 * work_event_feed, in one transaction, so a resume position from before them is answered with a
 * reload. Retention's only way to delete work events.
 */
export async function deleteFeedEvents(db: DbOrTrx, ids: SelectQueryBuilder<any, any, { work_event_id: number }>): Promise<number> {
  // The handle alone tells the engine here (retention passes no Database); it never leaves src/db.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const greatest = sql.raw(postgres ? 'greatest' : 'max');
  const run = async (trx: DbOrTrx): Promise<number> => {
    const gone = await trx
      .deleteFrom('work_event')
      .where('work_event_id', 'in', ids)
      .returning(['work_event_id', (postgres ? sql<string>`xact_id::text` : sql<string>`'0'`).as('xact')])
      .execute();
    if (gone.length === 0) return 0;
    const maxId = Math.max(...gone.map((g) => g.work_event_id));
    const maxXact = gone.reduce((m, g) => (BigInt(g.xact) > m ? BigInt(g.xact) : m), 0n);
    await trx
      .updateTable('work_event_feed')
      .set({
        pruned_event_id: sql<number>`${greatest}(pruned_event_id, ${maxId})`,
        pruned_xact_id: sql<number>`${greatest}(pruned_xact_id, ${postgres ? sql`${maxXact.toString()}::bigint` : 0})`,
      })
      .where('id', '=', 1)
      .execute();
    return gone.length;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
