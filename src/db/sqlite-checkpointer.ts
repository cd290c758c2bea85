/**
 * SQLite WAL checkpoints on a worker thread, for long-running processes (the server, the worker).
 *
 * Why: better-sqlite3 is synchronous, and by default SQLite checkpoints inside the commit that takes
 * the WAL past 1,000 pages (wal_autocheckpoint): that commit copies the WAL into the database file
 * and fsyncs it, on the event loop. Measured on bench:mixed's database (#23: 10 orgs × 20,000
 * tasks; 1,500 commits of a task update and a new signal, 5 ms apart): inline checkpoints made commits
 * p99 72–81 ms, max 142–486 ms (3.6 s of the 1,500 commits spent in COMMIT), and every request in
 * flight waited for them; with the checkpoints on this worker, commits p99 4.5 ms, max 17–32 ms
 * (0.5–0.7 s in all), for the same process CPU. Here the connection that commits never checkpoints
 * (wal_autocheckpoint = 0); a second connection on a worker thread runs a PASSIVE checkpoint
 * once 1,000 frames wait (as inline; see WORKER_SOURCE) instead. PASSIVE takes no lock that a reader or the writer waits for: the writer goes
 * on appending to the WAL meanwhile, and restarts it from the top once a checkpoint has copied all
 * of it. The database is as durable as before (synchronous = NORMAL: the checkpoint fsyncs the
 * database file before the WAL is reused).
 *
 * If the worker fails or exits on its own, the connection checkpoints inline again
 * (wal_autocheckpoint back to 1,000): the WAL is never left without checkpoints.
 *
 * The worker's code is evaluated from a string (not a module file), so it runs the same from
 * dist/ and under tsx or vitest; it loads the same better-sqlite3 as this module.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/** SQLite's default wal_autocheckpoint, restored when the worker is gone. */
const INLINE_AUTOCHECKPOINT = 1000;

// Every pollMs the worker reads the WAL index header (the -shm file; https://www.sqlite.org/walformat.html:
// mxFrame, the frames in the WAL, is the u32 at byte 16, nBackfill, those already copied, the u32 at
// byte 96, both in native byte order) and checkpoints once `frames` wait, as wal_autocheckpoint would
// inline: checkpointing more often copies hot pages (counters, org_version, index roots) and fsyncs
// more often: at a fixed 500 ms, bench:mixed measured ~0.8 ms more server CPU per request (4 A/B pairs).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const le = require('node:os').endianness() === 'LE';
const u32 = (buf, at) => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const header = Buffer.alloc(100);
let stopping = false;
// Opened once and never closed: closing any descriptor of a file drops every POSIX lock this
// process holds on it, SQLite's included. With the -shm's locks gone, another process opening the
// database took itself for the first connection and re-initialised (truncated) the -shm, and this
// process, which maps it, died of SIGBUS (seen: the server killed by a concurrent \`flowledger backup\`).
let shm;
const waiting = () => {
  try {
    shm ??= fs.openSync(workerData.file + '-shm', 'r');
    if (fs.readSync(shm, header, 0, 100, 0) < 100) return 0;
  } catch {
    return 0;
  }
  return u32(header, 16) - u32(header, 96);
};
const pass = () => {
  if (stopping || waiting() < workerData.frames) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // SQLITE_BUSY: another checkpointer holds the lock (another process): try again next time.
    if (err && err.code !== 'SQLITE_BUSY') throw err;
  }
};
const timer = setInterval(pass, workerData.pollMs);
parentPort.on('message', (msg) => {
  if (msg !== 'stop') return;
  stopping = true;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the worker (after its current checkpoint) and closes its connection. */
  stop(): Promise<void>;
}

/**
 * Turns off inline checkpoints on `conn` (a WAL-mode connection to `file`) and checkpoints from a
 * worker thread once `frames` (1,000) wait in the WAL, looking every `pollMs` (100). The worker does not keep the process alive.
 */
export function startCheckpointer(conn: BetterSqlite3.Database, file: string, opts: { pollMs?: number; frames?: number } = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, pollMs: opts.pollMs ?? 100, frames: opts.frames ?? INLINE_AUTOCHECKPOINT } });
  worker.unref();
  conn.pragma('wal_autocheckpoint = 0');
  let stopped = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fallBack = () => {
    // Gone without being asked (an error in the worker): commits checkpoint inline again.
    if (!stopped && conn.open) conn.pragma(`wal_autocheckpoint = ${INLINE_AUTOCHECKPOINT}`);
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      // Held until it has exited: an unref'd worker is no reason to stay alive, and a process whose
      // loop is otherwise empty (a server shutting down) would end in the middle of this await.
      worker.ref();
      worker.postMessage('stop');
      await exited;
      if (conn.open) conn.pragma(`wal_autocheckpoint = ${INLINE_AUTOCHECKPOINT}`);
    },
  };
}
