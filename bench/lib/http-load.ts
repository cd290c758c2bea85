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
