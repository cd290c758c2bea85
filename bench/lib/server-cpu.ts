/**
 * CPU spent by a server under load, as #23 counts it: the server process (all its threads, from
 * /proc/<pid>/stat, which sums them) plus, on PostgreSQL, every backend serving that server's
 * connections (their pids from pg_stat_activity: every client backend connected to the bench's
 * database other than the meter's own connection; give each bench run its own database).
 *
 * Take a reading before and after a load window; `cpuDelta` gives seconds of CPU in between. A
 * backend that appears during the window counts from zero (its whole life is inside the window); a
 * backend that exits during the window is lost, which pools do not do under steady load.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_S = 100; // CLK_TCK on Linux x86_64

/** user + system CPU seconds of one process (all threads), or 0 when it is gone. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the full line: indexes 11 and 12 after the name.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

export interface CpuReading {
  server: number;
  /** pid → seconds, PostgreSQL backends only. */
  backends: Map<number, number>;
}

export interface CpuMeter {
  read(): Promise<CpuReading>;
  close(): Promise<void>;
}

/** A meter for the server process `pid`; with `pgTarget`, also the backends connected to `pgTarget.database`. */
export async function cpuMeter(pid: number, pgTarget?: { url: string; database: string }): Promise<CpuMeter> {
  let client: pg.Client | undefined;
  if (pgTarget) {
    client = new pg.Client({ connectionString: pgTarget.url });
    await client.connect();
  }
  return {
    async read() {
      const backends = new Map<number, number>();
      if (client) {
        const res = await client.query<{ pid: number }>(
          `select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'`,
          [pgTarget!.database],
        );
        for (const r of res.rows) backends.set(r.pid, processCpuSeconds(r.pid));
      }
      return { server: processCpuSeconds(pid), backends };
    },
    async close() {
      await client?.end();
    },
  };
}

/** CPU seconds between two readings: the server's, the backends', and their sum. */
export function cpuDelta(a: CpuReading, b: CpuReading): { server: number; database: number; total: number } {
  const server = b.server - a.server;
  let database = 0;
  for (const [pid, s] of b.backends) database += s - (a.backends.get(pid) ?? 0);
  return { server, database, total: server + database };
}
