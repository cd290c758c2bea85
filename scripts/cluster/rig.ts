/**
 * The cluster `npm run test:cluster` runs: its own PostgreSQL database (created with a random name
 * on the server TEST_DATABASE_URL names, dropped at the end), three `serve --no-workers` API nodes,
 * two `worker` processes (outbox + SLA monitor) and HAProxy on deploy/haproxy/haproxy.cfg in front
 * of the API nodes, all on loopback ports. stop() removes everything, whatever state it is in.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../../src/db/create-db.js';
import { scaled } from '../../test/helpers/time-scale.js';
import { startHaproxy, startNode, startWorker, stopChildren, type ApiNode, type Child, type RunningHaproxy } from '../haproxy-pair.js';

/** Small pools: six people share the server's max_connections = 100 (docs/scaling.md, connection budget). */
export const NODE_POOL_SIZE = 3;
export const WORKER_CONCURRENCY = 2;
/** The SLA monitor's period on the workers: short, so the two monitors keep trying to overlap. */
export const WORKER_SLA_INTERVAL = '250ms';
/** Five processes loading from source at once take a while on a busy 2-core machine. */
const START_TIMEOUT_MS = scaled(90_000);

export interface Cluster {
  /** The cluster's own database (what DATABASE_URL is for every process). */
  databaseUrl: string;
  databaseName: string;
  /** The script's own handle on it (pool of 2). */
  database: Database;
  nodes: ApiNode[];
  workers: Child[];
  /** Per worker: how many SLA passes it skipped because another pass held the lock (its debug log). */
  slaSkipped: Map<string, number>;
  haproxy: RunningHaproxy;
  /** HAProxy's frontend. */
  url: string;
  /** The environment every node and worker got (for reading settings such as KEY_CACHE_TTL). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** The server URL with another database name. */
function withDatabase(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Starts the cluster step by step; `register` is called at once with a stop function that undoes
 * whatever was started so far, so Ctrl-C during start-up leaves nothing behind either.
 */
export async function startCluster(opts: { serverUrl: string; register(stop: () => Promise<void>): void; log(line: string): void }): Promise<Cluster> {
  const databaseName = `flowledger_cluster_${randomBytes(5).toString('hex')}`;
  const databaseUrl = withDatabase(opts.serverUrl, databaseName);
  const children: Child[] = [];
  let database: Database | undefined;
  let haproxy: RunningHaproxy | undefined;
  let created = false;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await haproxy?.stop().catch(() => {});
      await stopChildren(children).catch(() => {});
      await database?.close().catch(() => {});
      // WITH (FORCE): a node killed mid-transaction may leave a backend behind for a moment.
      if (created) await onServer(opts.serverUrl, `drop database if exists ${databaseName} with (force)`);
    })());
  opts.register(stop);

  await onServer(opts.serverUrl, `create database ${databaseName}`);
  created = true;
  database = createDatabase(databaseUrl, { poolSize: 2 });
  // Migrated once here, so the five processes do not queue on the migration lock at start.
  await database.migrate();
  const env: Record<string, string> = {
    DB_POOL_SIZE: String(NODE_POOL_SIZE),
    SECRETS_KEY: randomBytes(32).toString('base64'),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    TRUST_PROXY: '127.0.0.1',
    // Nodes are stopped at the end only; no load balancer needs the drain then.
    SHUTDOWN_DRAIN_DELAY: '0',
    LOG_LEVEL: 'info',
  };
  opts.log(`database ${databaseName}; starting 3 API nodes (serve --no-workers) and 2 workers`);
  // allSettled: every process that did start is in `children` before a failure is thrown.
  const settled = await Promise.allSettled([
    ...['api1', 'api2', 'api3'].map((name) => startNode(name, { databaseUrl, workers: false, env, readyTimeoutMs: START_TIMEOUT_MS }).then((n) => (children.push(n), n))),
    ...['worker1', 'worker2'].map((name) =>
      startWorker(name, {
        databaseUrl,
        args: ['--concurrency', String(WORKER_CONCURRENCY)],
        // debug: the monitor logs each pass it skips because another holds the lock (check 5 counts them).
        env: { ...env, SLA_INTERVAL: WORKER_SLA_INTERVAL, LOG_LEVEL: 'debug' },
        readyTimeoutMs: START_TIMEOUT_MS,
      }).then(
        (w) => (children.push(w), w),
      ),
    ),
  ]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const started = settled.map((s) => (s as PromiseFulfilledResult<Child>).value);
  const nodes = started.slice(0, 3) as ApiNode[];
  const workers = started.slice(3);
  // Counted as the lines come: the output each child keeps is bounded and would lose old ones.
  const slaSkipped = new Map(workers.map((w) => [w.name, 0]));
  for (const w of workers) {
    w.process.stdout?.on('data', (b: Buffer) => slaSkipped.set(w.name, slaSkipped.get(w.name)! + (b.toString().match(/SLA pass skipped/g) ?? []).length));
  }
  // HAProxy's default check period (2 s, each check timing out after it): shorter periods take
  // nodes out on a busy machine whose /ready merely answers late, cutting every socket they hold.
  haproxy = await startHaproxy({ nodes });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const states = [...(await haproxy.serverStates()).values()];
    if (states.length === 6 && states.every((s) => s.status === 'UP')) break;
    if (Date.now() > deadline) throw new Error(`HAProxy did not see every node UP: ${JSON.stringify(states)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { databaseUrl, databaseName, database, nodes, workers, slaSkipped, haproxy, url: haproxy.url, env, stop };
}
