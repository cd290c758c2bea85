/**
 * Per-org answers of hot read endpoints (the Today panel, task list pages), reused while the data
 * cannot have changed.
 *
 * Validity, checked on every reuse:
 * - the org's change token (Database.changeToken(orgId)) is read BEFORE the answer is computed and
 *   again before every reuse; equal tokens mean nothing of this org that answers read was committed
 *   in between — by this server, a worker or CLI process, a test or a hand-run statement — so the
 *   stored answer is the current one. An answer computed after a concurrent commit is newer than
 *   its token, never older: the next request then just recomputes. The token is per org, so one
 *   org's writes leave the other orgs' answers cached. A computation may read only the tables whose
 *   writes bump the org's version (migration 0025, src/db/migrations/0025_org_version.ts).
 *   `token: 'database'` uses the database-wide token instead (any commit invalidates every answer):
 *   kept so benchmarks can compare.
 * - answers that depend on the clock also carry the first instant at which time alone could change
 *   them (`validUntil`, computed from the data by the caller); they are reused only for
 *   computedAt ≤ now < validUntil, so a clock set back or moved past that instant recomputes.
 * Keys are scope + org + the normalised input: an answer is only ever served to its own org.
 *
 * Concurrent misses for the same key and token share one computation (20 clients arriving right
 * after a write cost one query, not 20). Answers are frozen and serialised once, to UTF-8 bytes
 * remembered per answer object (jsonBytesOf): a reuse costs a token read, a map lookup and a write
 * of those bytes. (Sending a 40 kB JSON string re-encoded it on every response: ~⅓ of the cost of
 * a reused Today answer, plus the garbage.)
 */
import { Counter, type Registry } from 'prom-client';
import type { Database } from '../db/create-db.js';

export interface AnswerRequest<T> {
  /** What is asked, e.g. `workstream.today`. */
  scope: string;
  orgId: number;
  /** The normalised input (parsed, defaults applied); part of the key. */
  input?: unknown;
  /** The request's time, for answers that depend on the clock (then compute must return validUntil). */
  now?: Date;
  /**
   * `stored` is false when the answer will not be kept (cache off): work done only to know how long
   * an answer stays valid (`validUntil`) can then be skipped.
   */
  compute(opts: { stored: boolean }): Promise<Computed<T>>;
  /**
   * The route's response schema. Cached answers are sent as stored bytes, past Fastify's response
   * serializer, so the shape is enforced here instead: once per computation (unknown fields
   * stripped, types checked), on the cache-off path too.
   */
  schema: { parse(value: unknown): NoInfer<T> };
}

const jsonMemo = new WeakMap<object, Buffer>();

export type Computed<T> = (
  | { value: T }
  /**
   * The answer already as JSON text in the schema's shape (built by the database: SqlHelpers.rowJson),
   * sent as is without being parsed; its statements' tests prove the shape, since the schema is not
   * applied to it. get() then answers a JsonAnswer.
   */
  | { json: string }
) & {
  /** Epoch ms: the first instant at which the passing of time alone could change the answer. */
  validUntil?: number;
};

/**
 * An answer that exists only as its JSON (Computed `json`): sent as those bytes by sendJson and the
 * tRPC direct path; anything else serialising it (JSON.stringify, tRPC's own adapter) gets the
 * parsed value through toJSON. A route or procedure answers it in place of its declared type, which
 * is what its JSON holds: nothing in process may read fields of it. Its bytes count as a cached
 * answer's (cachedJsonOf, so gzip-compressed once for reuse) only once the cache has stored it: with
 * the cache off it is sent once, uncompressed, as any answer computed per request.
 */
export class JsonAnswer {
  constructor(readonly json: Buffer) {
    Object.freeze(this);
  }
  toJSON(): unknown {
    return JSON.parse(this.json.toString('utf8'));
  }
}

interface Entry {
  orgId: number;
  token: string;
  value: unknown;
  json: Buffer;
  computedAt?: number;
  validUntil?: number;
}

interface InFlight {
  token: string;
  promise: Promise<Entry>;
}

export interface AnswerCacheStats {
  hits: number;
  misses: number;
  /** Requests that waited for a computation already running for the same key and token. */
  shared: number;
}

/** A cached answer's JSON as UTF-8, serialised once when it was stored; undefined for other values. */
export function cachedJsonOf(value: unknown): Buffer | undefined {
  return typeof value === 'object' && value !== null ? jsonMemo.get(value) : undefined;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/**
 * A computed answer as get() answers it: a value checked against the schema, or JSON text as a
 * JsonAnswer (typed as the schema's type, which its JSON holds).
 */
function answerOf<T>(req: AnswerRequest<T>, computed: Computed<T>): T {
  if ('json' in computed) return new JsonAnswer(Buffer.from(computed.json)) as T;
  return req.schema.parse(computed.value);
}

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly keys = new WeakMap<object, string>();
  private bytes = 0;
  readonly stats: AnswerCacheStats = { hits: 0, misses: 0, shared: 0 };

  /**
   * maxEntries 0 turns caching off (every request computes: the miss path). maxBytes bounds the
   * stored JSON; an answer can also hold its tRPC-wrapped copy and gzip forms (each a fraction of
   * the JSON: 42 kB → 2.7 kB for a task page), so memory stays under ~2.2× maxBytes.
   */
  constructor(
    private readonly database: Pick<Database, 'changeToken' | 'databaseChangeToken'>,
    private readonly opts: { maxEntries: number; maxBytes?: number; token?: 'org' | 'database' },
  ) {}

  private tokenOf(orgId: number): Promise<string> {
    return this.opts.token === 'database' ? this.database.databaseChangeToken() : this.database.changeToken(orgId);
  }

  async get<T>(req: AnswerRequest<T>): Promise<T> {
    if (this.opts.maxEntries === 0) return answerOf(req, await req.compute({ stored: false }));
    const key = `${req.scope}\u0000${req.orgId}\u0000${req.input === undefined ? '' : JSON.stringify(req.input)}`;
    const now = req.now?.getTime();
    const token = await this.tokenOf(req.orgId);

    const hit = this.takeFresh(key, token, now);
    if (hit) return hit.value as T;

    const running = this.inFlight.get(key);
    if (running && running.token === token) {
      const shared = await running.promise;
      if (this.fresh(shared, token, now)) {
        this.stats.shared += 1;
        return shared.value as T;
      }
    }

    this.stats.misses += 1;
    const promise = this.compute(req, token, now);
    const flight = { token, promise };
    this.inFlight.set(key, flight);
    try {
      const entry = await promise;
      this.store(key, entry);
      return entry.value as T;
    } finally {
      if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
    }
  }

  /** The key a stored answer is kept under: lets a caller that has seen it find it again by key. */
  keyOf(value: unknown): string | undefined {
    return typeof value === 'object' && value !== null ? this.keys.get(value) : undefined;
  }

  /**
   * The answer stored under `key` if it is still current — token read now, clock checked as in
   * get() — else undefined (the caller then asks get(), which recomputes). Counts a hit when found.
   */
  async reuse(key: string, now?: number): Promise<unknown> {
    const stored = this.entries.get(key);
    if (!stored) return undefined;
    return this.takeFresh(key, await this.tokenOf(stored.orgId), now)?.value;
  }

  private takeFresh(key: string, token: string, now: number | undefined): Entry | undefined {
    const hit = this.entries.get(key);
    if (!hit || !this.fresh(hit, token, now)) return undefined;
    this.stats.hits += 1;
    this.entries.delete(key); // most recently used last
    this.entries.set(key, hit);
    return hit;
  }

  private fresh(e: Entry, token: string, now: number | undefined): boolean {
    if (e.token !== token) return false;
    if (e.computedAt === undefined) return true;
    return now !== undefined && now >= e.computedAt && (e.validUntil === undefined || now < e.validUntil);
  }

  private async compute<T>(req: AnswerRequest<T>, token: string, now: number | undefined): Promise<Entry> {
    const computed = await req.compute({ stored: true });
    const value = answerOf(req, computed);
    const validUntil = computed.validUntil;
    let json: Buffer;
    if (value instanceof JsonAnswer) json = value.json;
    else {
      deepFreeze(value);
      json = Buffer.from(JSON.stringify(value));
    }
    if (typeof value === 'object' && value !== null) jsonMemo.set(value, json);
    return { orgId: req.orgId, token, value, json, ...(now !== undefined ? { computedAt: now } : {}), ...(validUntil !== undefined ? { validUntil } : {}) };
  }

  private store(key: string, entry: Entry): void {
    if (typeof entry.value === 'object' && entry.value !== null) this.keys.set(entry.value, key);
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.json.length;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.json.length;
    const maxBytes = this.opts.maxBytes ?? 64 * 1024 * 1024;
    while (this.entries.size > this.opts.maxEntries || (this.bytes > maxBytes && this.entries.size > 1)) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      this.bytes -= oldest.json.length;
    }
  }
}

/** `flowledger_answer_cache_requests_total{outcome="hit"|"miss"|"shared"}` on /metrics. */
export function registerAnswerCacheMetrics(registry: Registry, cache: AnswerCache): void {
  new Counter({
    name: 'flowledger_answer_cache_requests_total',
    help: 'Cached read answers: reused (hit), computed (miss), or shared with a computation in flight',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      // Counted as plain numbers on the hot path; copied into the counter only when scraped.
      this.reset();
      for (const [outcome, n] of Object.entries(cache.stats)) this.inc({ outcome: outcome === 'hits' ? 'hit' : outcome === 'misses' ? 'miss' : 'shared' }, n);
    },
  });
}
