import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnswerCache, cachedJsonOf, JsonAnswer } from './answer-cache.js';

/** These tests are about reuse, not shapes: the answer passes through as computed. */
const schema = { parse: (v: unknown) => v as never };

/** Per-org versions as org_version keeps them; bump() without an org is a write to every org. */
function fakeDatabase() {
  const versions = new Map<number, number>();
  let all = 0;
  let commits = 0;
  return {
    bump(orgId?: number) {
      commits += 1;
      if (orgId === undefined) all += 1;
      else versions.set(orgId, (versions.get(orgId) ?? 0) + 1);
    },
    changeToken: async (orgId: number) => `${all}:${versions.get(orgId) ?? 0}`,
    databaseChangeToken: async () => String(commits),
  };
}

describe('AnswerCache', () => {
  it('sends an answer computed as JSON text as those bytes, unparsed, with the cache on and off', async () => {
    const json = '[{"item_id":1,"title":"Ünïcode"}]';
    const parse = () => {
      throw new Error('a JSON answer is not parsed by the schema');
    };
    for (const maxEntries of [0, 10]) {
      const db = fakeDatabase();
      const cache = new AnswerCache(db, { maxEntries });
      let runs = 0;
      const get = () => cache.get({ scope: 's', schema: { parse }, orgId: 1, compute: async () => ({ json: (runs++, json) }) });
      const answer = await get();
      expect(answer).toBeInstanceOf(JsonAnswer);
      expect((answer as JsonAnswer).json.toString('utf8')).toBe(json);
      // Stored bytes (compressed once for reuse) only when kept; with the cache off, sent once.
      expect(cachedJsonOf(answer)?.toString('utf8')).toBe(maxEntries === 0 ? undefined : json);
      // Serialised any other way (tRPC's own adapter), it is the value its JSON holds.
      expect(JSON.parse(JSON.stringify(answer))).toEqual(JSON.parse(json));
      const again = await get();
      if (maxEntries === 0) expect(again).not.toBe(answer);
      else expect(again).toBe(answer);
      expect(runs).toBe(maxEntries === 0 ? 2 : 1);
    }
  });

  it('shares one computation among concurrent misses of the same key and token', async () => {
    const db = fakeDatabase();
    const cache = new AnswerCache(db, { maxEntries: 10 });
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 5));
      return { value: { n: runs } };
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get({ scope: 's', schema, orgId: 1, compute })));
    expect(runs).toBe(1);
    expect(new Set(answers).size).toBe(1);
    expect(cache.stats).toEqual({ hits: 0, misses: 1, shared: 19 });
  });

  it('recomputes after the token changes, and keeps orgs and inputs apart', async () => {
    const db = fakeDatabase();
    const cache = new AnswerCache(db, { maxEntries: 10 });
    let runs = 0;
    const get = (orgId: number, input?: unknown) => cache.get({ scope: 's', schema, orgId, input, compute: async () => ({ value: { orgId, input, run: ++runs } }) });
    expect(await get(1)).toEqual({ orgId: 1, run: 1 });
    expect(await get(1)).toEqual({ orgId: 1, run: 1 });
    expect(await get(2)).toEqual({ orgId: 2, run: 2 });
    expect(await get(1, { page: 2 })).toEqual({ orgId: 1, input: { page: 2 }, run: 3 });
    db.bump();
    expect(await get(1)).toEqual({ orgId: 1, run: 4 });
  });

  it("keeps one org's answers cached while another org writes, and recomputes the writer's", async () => {
    const db = fakeDatabase();
    const cache = new AnswerCache(db, { maxEntries: 10 });
    let runs = 0;
    const get = (orgId: number) => cache.get({ scope: 's', schema, orgId, compute: async () => ({ value: { orgId, run: ++runs } }) });
    expect(await get(1)).toEqual({ orgId: 1, run: 1 });
    expect(await get(2)).toEqual({ orgId: 2, run: 2 });
    db.bump(1);
    expect(await get(2)).toEqual({ orgId: 2, run: 2 });
    expect(await get(1)).toEqual({ orgId: 1, run: 3 });
    expect(cache.stats).toEqual({ hits: 1, misses: 3, shared: 0 });

    // The key found again by reuse() is checked against its own org's token too.
    const key = cache.keyOf(await get(2))!;
    db.bump(1);
    expect(await cache.reuse(key)).toEqual({ orgId: 2, run: 2 });
    db.bump(2);
    expect(await cache.reuse(key)).toBeUndefined();
  });

  it("with token 'database', any org's write invalidates every answer", async () => {
    const db = fakeDatabase();
    const cache = new AnswerCache(db, { maxEntries: 10, token: 'database' });
    let runs = 0;
    const get = (orgId: number) => cache.get({ scope: 's', schema, orgId, compute: async () => ({ value: { orgId, run: ++runs } }) });
    await get(2);
    db.bump(1);
    expect(await get(2)).toEqual({ orgId: 2, run: 2 });
  });

  it('finds a stored answer again by its key while it is current, and never after a change, a clock move or an eviction', async () => {
    const db = fakeDatabase();
    const cache = new AnswerCache(db, { maxEntries: 2 });
    const first = await cache.get({ scope: 's', schema, orgId: 1, input: { page: 1 }, compute: async () => ({ value: { rows: [1] } }) });
    const key = cache.keyOf(first)!;
    expect(key).toBeDefined();
    expect(await cache.reuse(key)).toBe(first);
    expect(cache.stats.hits).toBe(1);
    db.bump();
    expect(await cache.reuse(key)).toBeUndefined();

    const timed = await cache.get({ scope: 't', schema, orgId: 1, now: new Date(1000), compute: async () => ({ value: { at: 1000 }, validUntil: 1100 }) });
    const timedKey = cache.keyOf(timed)!;
    expect(await cache.reuse(timedKey, 1050)).toBe(timed);
    expect(await cache.reuse(timedKey, 1100)).toBeUndefined();
    expect(await cache.reuse(timedKey, 999)).toBeUndefined();
    expect(await cache.reuse(timedKey)).toBeUndefined(); // no clock given for a clock-dependent answer

    await cache.get({ scope: 'u', schema, orgId: 1, compute: async () => ({ value: { u: 1 } }) });
    await cache.get({ scope: 'v', schema, orgId: 1, compute: async () => ({ value: { v: 1 } }) });
    expect(await cache.reuse(timedKey, 1050)).toBeUndefined(); // evicted (maxEntries 2)
    expect(cache.keyOf({ rows: [1] })).toBeUndefined(); // only stored answers have keys
  });

  it('has no keys when caching is off', async () => {
    const cache = new AnswerCache(fakeDatabase(), { maxEntries: 0 });
    const value = await cache.get({ scope: 's', schema, orgId: 1, compute: async () => ({ value: { n: 1 } }) });
    expect(cache.keyOf(value)).toBeUndefined();
  });

  it('reuses a clock-dependent answer only from its computation instant until validUntil', async () => {
    const cache = new AnswerCache(fakeDatabase(), { maxEntries: 10 });
    let runs = 0;
    const at = (ms: number) => cache.get({ scope: 's', schema, orgId: 1, now: new Date(ms), compute: async () => ({ value: { run: ++runs }, validUntil: ms + 100 }) });
    expect(await at(1000)).toEqual({ run: 1 });
    expect(await at(1099)).toEqual({ run: 1 });
    expect(await at(1100)).toEqual({ run: 2 }); // valid until 1200 now
    expect(await at(999)).toEqual({ run: 3 }); // the clock went back
  });

  it('freezes answers and serialises them once; 0 entries turns caching off', async () => {
    const cache = new AnswerCache(fakeDatabase(), { maxEntries: 10 });
    const value = await cache.get({ scope: 's', schema, orgId: 1, compute: async () => ({ value: { rows: [{ a: 1 }] } }) });
    expect(Object.isFrozen(value.rows[0])).toBe(true);
    expect(cachedJsonOf(value)?.toString()).toBe('{"rows":[{"a":1}]}');

    const off = new AnswerCache(fakeDatabase(), { maxEntries: 0 });
    let runs = 0;
    await off.get({ scope: 's', schema, orgId: 1, compute: async () => ({ value: ++runs }) });
    await off.get({ scope: 's', schema, orgId: 1, compute: async () => ({ value: ++runs }) });
    expect(runs).toBe(2);
  });

  it('evicts the least recently used answer beyond maxEntries', async () => {
    const cache = new AnswerCache(fakeDatabase(), { maxEntries: 2 });
    let runs = 0;
    const get = (orgId: number) => cache.get({ scope: 's', schema, orgId, compute: async () => ({ value: { orgId, run: ++runs } }) });
    await get(1);
    await get(2);
    await get(1); // 1 is now the most recent
    await get(3); // evicts 2
    expect((await get(1)).run).toBe(1);
    expect((await get(2)).run).toBe(4);
  });

  it("enforces the route's response schema once per computation, cache on or off", async () => {
    const shape = z.object({ id: z.number(), name: z.string() });
    for (const maxEntries of [10, 0]) {
      const cache = new AnswerCache(fakeDatabase(), { maxEntries });
      const answer = await cache.get({ scope: 's', orgId: 1, schema: shape, compute: async () => ({ value: { id: 1, name: 'a', secret: 'x' } as { id: number; name: string } }) });
      expect(answer).toEqual({ id: 1, name: 'a' });
      if (maxEntries) expect(cachedJsonOf(answer)?.toString()).toBe('{"id":1,"name":"a"}');
      await expect(cache.get({ scope: 't', orgId: 1, schema: shape, compute: async () => ({ value: { id: 'one' } as unknown as { id: number; name: string } }) })).rejects.toThrow();
    }
  });
});
