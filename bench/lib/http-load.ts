/**
 * HTTP load for the API benchmarks: C closed-loop clients (each sends its next request when the
 * last answers), an optional steady writer beside them, and the server's answer-cache outcomes
 * read from its /metrics, so every figure says how many of its answers were computed.
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { runScript } from './child-script.js';

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}

export function request(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, headers: body ? { ...headers, 'content-type': 'application/json' } : headers, method }, (res) => {
      // A compressed body is decompressed, as fetch and browsers do: its cost is part of the run.
      const stream = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
      stream.on('error', reject);
      stream.on('end', () => resolve(res.statusCode ?? 0));
      stream.resume();
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function load(target: string, headers: Record<string, string>, opts: { concurrency: number; durationMs: number; warmupMs: number }): Promise<LoadResult> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const run = async (until: number, record: boolean) => {
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const status = await request(agent, url, headers).catch(() => 0);
          if (!record) continue;
          if (status !== 200) errors += 1;
          latencies.push(performance.now() - t0);
        }
      }),
    );
  };
  await run(performance.now() + opts.warmupMs, false);
  const start = performance.now();
  await run(start + opts.durationMs, true);
  const elapsed = performance.now() - start;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, errors, rps: (latencies.length / elapsed) * 1000, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN };
}

/**
 * `load` in a fresh child process. Measured here: a load generator that had already driven one 10 s
 * run (or seeded the database) recorded a list p99 ~25 % higher against the same server than a fresh
 * one, and drove fewer requests per second; so every figure gets its own, and rows do not depend on
 * the order they run in.
 */
export function loadInChild(target: string, headers: Record<string, string>, opts: { concurrency: number; durationMs: number; warmupMs: number }): Promise<LoadResult> {
  return runScript<LoadResult>(fileURLToPath(new URL('./load-child.ts', import.meta.url)), [JSON.stringify({ target, headers, opts })], 'RESULT');
}

/**
 * A writer committing `perSecond` changes through the API while readers load the server (each
 * commit invalidates every cached answer). `send(i)` makes the i-th write and returns its status.
 */
export function steadyWriter(perSecond: number, send: (i: number) => Promise<number>): { stop(): Promise<{ writes: number; errors: number }> } {
  let writes = 0;
  let errors = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    const i = writes++;
    inFlight = send(i).then(
      (status) => {
        if (status < 200 || status >= 300) errors += 1;
      },
      () => {
        errors += 1;
      },
    );
  }, 1000 / perSecond);
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
      return { writes, errors };
    },
  };
}

export interface CacheCounts {
  hit: number;
  miss: number;
  shared: number;
  /** The server's CPU seconds so far (user + system), when it exports process metrics. */
  cpuS: number;
}

/** The server's answer-cache counters (flowledger_answer_cache_requests_total) and CPU from /metrics. */
export async function cacheCounts(base: string): Promise<CacheCounts> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const get = (outcome: string) => Number(new RegExp(`flowledger_answer_cache_requests_total\\{outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  const cpuS = Number(/^flowledger_process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? NaN);
  return { hit: get('hit'), miss: get('miss'), shared: get('shared'), cpuS };
}

export function cacheDelta(a: CacheCounts, b: CacheCounts): string {
  const hit = b.hit - a.hit;
  const miss = b.miss - a.miss;
  const shared = b.shared - a.shared;
  const total = hit + miss + shared;
  if (total === 0) return 'cache off';
  return `cache ${hit} hits, ${miss} computed, ${shared} shared (${((100 * miss) / total).toFixed(2)}% computed)`;
}

/**
 * One request of a weighted mix. In path and body, `{n}` becomes a number unique in the run (a write
 * that repeats a value writes nothing) and `{r}` a random integer in 1..`random` (e.g. which task).
 */
export interface MixRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: string;
  random?: number;
}

/** An operation of a mix: picked with probability weight / Σ weights, then one of its requests at random. */
export interface MixOperation {
  name: string;
  /** Operations of a group (e.g. `read`, `write`) are also measured together. */
  group?: string;
  weight: number;
  requests: MixRequest[];
}

export interface MixOperationResult {
  name: string;
  requests: number;
  /** Answers that were not 2xx (or failed on the wire), by status (0: no answer). */
  errors: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
}

export interface MixResult {
  requests: number;
  errors: number;
  rps: number;
  seconds: number;
  operations: MixOperationResult[];
  /** Per group: its operations' requests together. */
  groups: MixOperationResult[];
}

/**
 * C closed-loop clients against `base`, each picking its next operation by weight from `ops`
 * (seeded, so two runs send the same sequence). Every answer must be 2xx; any other is an error of
 * its operation, counted by status.
 */
export async function mixLoad(base: string, ops: MixOperation[], opts: { concurrency: number; durationMs: number; warmupMs: number; seed?: number }): Promise<MixResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const totalWeight = ops.reduce((s, o) => s + o.weight, 0);
  const latencies = ops.map(() => [] as number[]);
  const errors = ops.map(() => ({}) as Record<string, number>);
  // mulberry32: a small deterministic generator, one stream shared by the clients.
  let state = opts.seed ?? 23;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let seq = 0;
  const pick = (): number => {
    let r = random() * totalWeight;
    for (let i = 0; i < ops.length; i++) if ((r -= ops[i]!.weight) < 0) return i;
    return ops.length - 1;
  };
  const run = async (until: number, record: boolean) => {
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (performance.now() < until) {
          const i = pick();
          const op = ops[i]!;
          const req = op.requests[Math.floor(random() * op.requests.length)]!;
          const n = String(++seq);
          const r = String(1 + Math.floor(random() * (req.random ?? 1)));
          const fill = (text: string) => text.replaceAll('{n}', n).replaceAll('{r}', r);
          const t0 = performance.now();
          const status = await request(agent, new URL(base + fill(req.path)), req.headers, req.method, req.body === undefined ? undefined : fill(req.body)).catch(() => 0);
          if (!record) continue;
          latencies[i]!.push(performance.now() - t0);
          if (status < 200 || status >= 300) errors[i]![status] = (errors[i]![status] ?? 0) + 1;
        }
      }),
    );
  };
  await run(performance.now() + opts.warmupMs, false);
  const start = performance.now();
  await run(start + opts.durationMs, true);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  const summarize = (name: string, l: number[], errs: Record<string, number>): MixOperationResult => {
    l.sort((a, b) => a - b);
    const at = (q: number) => l[Math.min(l.length - 1, Math.floor(q * l.length))] ?? NaN;
    return { name, requests: l.length, errors: errs, p50: at(0.5), p99: at(0.99), max: l.at(-1) ?? NaN };
  };
  const operations = ops.map((op, i) => summarize(op.name, latencies[i]!, errors[i]!));
  const groups = [...new Set(ops.flatMap((op) => (op.group ? [op.group] : [])))].map((group) => {
    const members = ops.flatMap((op, i) => (op.group === group ? [i] : []));
    const errs: Record<string, number> = {};
    for (const i of members) for (const [status, count] of Object.entries(errors[i]!)) errs[status] = (errs[status] ?? 0) + count;
    return summarize(group, members.flatMap((i) => latencies[i]!), errs);
  });
  const requests = operations.reduce((s, o) => s + o.requests, 0);
  const errorCount = operations.reduce((s, o) => s + Object.values(o.errors).reduce((a, b) => a + b, 0), 0);
  return { requests, errors: errorCount, rps: requests / seconds, seconds, operations, groups };
}

/** `mixLoad` in a fresh child process (as loadInChild). */
export function mixLoadInChild(base: string, ops: MixOperation[], opts: { concurrency: number; durationMs: number; warmupMs: number; seed?: number }): Promise<MixResult> {
  return runScript<MixResult>(fileURLToPath(new URL('./load-child.ts', import.meta.url)), [JSON.stringify({ mix: { base, ops }, opts })], 'RESULT');
}
