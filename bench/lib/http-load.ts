/** A small closed-loop load generator: C clients, each sending its next request when the last answers. */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}

function once(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, headers, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
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
          const status = await once(agent, url, headers).catch(() => 0);
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
