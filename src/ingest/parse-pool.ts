/**
 * A small pool of parse workers (worker_threads). Chunks of raw messages go to the least busy
 * worker; answers come back in whatever order, and callers await each chunk's promise. With size 0
 * the pool parses inline — small API batches do not pay for a thread hop.
 *
 * Under tsx/vitest the worker module is TypeScript: the thread then registers tsx's loader before
 * importing it. Built code (dist/) loads the compiled .js directly.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisContext, ParseResult } from './analyse.js';
import { CLAIM_CELLS, claimJob } from './parse-claims.js';
import type { ParseAnswer, ParseJob } from './parse.worker.js';

/**
 * The parser on this thread, loaded on first use: it brings mailparser and html-to-text, which cost
 * every process start (serve, worker, each CLI command) a few hundred milliseconds, while most
 * processes never parse a message inline.
 */
let inlineParser: Promise<typeof import('./parse.worker.js')> | undefined;
function runJob(job: ParseJob): Promise<ParseResult[]> {
  inlineParser ??= import('./parse.worker.js');
  return inlineParser.then((m) => m.runJob(job));
}

interface Slot {
  worker: Worker;
  inFlight: number;
}


const SELF = import.meta.url;

/**
 * MIME parsing allocates a lot of short-lived objects (streams, buffers, header maps): with V8's
 * default young generation the worker scavenged every few messages. 192 MB (64 MB semi-spaces, the
 * size `--max-semi-space-size=64` gives) made a worker parse and analyse ~15% faster on this machine
 * (10,000 messages, three interleaved runs each: 2,440–2,760 vs 2,230–2,340 msg/s). The price is
 * memory: a busy worker's heap may grow that much larger, and the API server keeps its worker alive
 * once a large batch has arrived (V8 shrinks an idle young generation again).
 */
const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 192 } };

function spawnWorker(claims: Int32Array): Worker {
  const ts = SELF.endsWith('.ts');
  const target = new URL(`./parse.worker.${ts ? 'ts' : 'js'}`, SELF).href;
  const options = { ...WORKER_OPTIONS, workerData: { claims: claims.buffer } };
  if (!ts) return new Worker(new URL(target), options);
  // The ESM build of tsx's register API (require.resolve would give its CommonJS twin).
  const tsxApi = pathToFileURL(createRequire(SELF).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((a) => { a.register(); return import(${JSON.stringify(target)}); });`, {
    ...options,
    eval: true,
  });
}

interface Queued {
  job: ParseJob;
  resolve: (r: ParseResult[]) => void;
  reject: (e: Error) => void;
}

/**
 * Jobs a worker holds at once. Finished jobs are answered (and new ones handed out) by the calling
 * thread's event loop, which is deaf while it runs a write transaction or parses a chunk itself
 * (100–300 ms under load): with only two jobs in hand the worker idled ~14% of a 10,000-message
 * ingest waiting to be given the next one.
 */
const PER_WORKER = 4;

export class ParsePool {
  private slots: Slot[] = [];
  private nextId = 1;
  private queue: Queued[] = [];
  private pending = new Map<number, Queued & { slot: Slot }>();
  private closed = false;
  private readonly claims = new Int32Array(new SharedArrayBuffer(4 * CLAIM_CELLS));

  /**
   * `size` workers; 0 = everything inline on the calling thread. Jobs wait in one queue: workers take
   * them as they free up, and the calling thread takes one too whenever it would otherwise wait
   * (`help()`), so on two cores one worker plus the writer thread keep both cores busy. More workers
   * than cores − 1 cost more than they give: every isolate pays its own start-up, JIT warm-up and
   * garbage collection (measured ~0.6× the bare parse time per 10,000 messages for a second worker).
   */
  constructor(readonly size: number = ParsePool.defaultSize()) {}

  /** Jobs the workers hold at once: a caller keeps more than this in flight so help() has some to take. */
  get capacity(): number {
    return this.size * PER_WORKER;
  }

  /** One core is left to the writer thread, which parses its share through help(). */
  static defaultSize(): number {
    return Math.max(1, Math.min(3, availableParallelism() - 1));
  }

  /** A pool for big batches (CLI, demo, large API bodies). */
  static forBatches(): ParsePool {
    return new ParsePool(ParsePool.defaultSize());
  }

  private ensureStarted(): void {
    if (this.slots.length > 0 || this.size === 0) return;
    for (let i = 0; i < this.size; i++) {
      const worker = spawnWorker(this.claims);
      const slot: Slot = { worker, inFlight: 0 };
      worker.on('message', (a: ParseAnswer) => {
        const p = this.pending.get(a.id);
        // Not pending: the calling thread took the job (help) and the worker skipped it.
        if (!p) return;
        this.pending.delete(a.id);
        slot.inFlight -= 1;
        if (slot.inFlight === 0) slot.worker.unref();
        p.resolve(a.results);
        this.dispatch();
      });
      worker.on('error', (err) => this.failSlot(slot, err));
      worker.on('exit', (code) => {
        if (!this.closed) this.failSlot(slot, new Error(`parse worker exited with code ${code}`));
      });
      // Idle workers must not keep a CLI process alive.
      worker.unref();
      this.slots.push(slot);
    }
  }

  private failSlot(slot: Slot, _err: Error): void {
    this.slots = this.slots.filter((s) => s !== slot);
    for (const [id, p] of this.pending) {
      if (p.slot === slot) {
        this.pending.delete(id);
        // Another worker (or the calling thread) parses it again: one dead worker must not fail a batch.
        // Under a new id: the dead worker may have claimed the old one. The old id's cell is freed
        // if nobody had (no thread can claim it any more).
        claimJob(this.claims, id);
        this.queue.unshift({ job: { ...p.job, id: this.unclaimedId() }, resolve: p.resolve, reject: p.reject });
      }
    }
    if (this.slots.length === 0) for (const q of this.queue.splice(0)) this.runInline(q);
    else this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.inFlight < PER_WORKER && this.queue.length > 0) {
        const q = this.queue.shift()!;
        slot.inFlight += 1;
        slot.worker.ref();
        this.pending.set(q.job.id, { ...q, slot });
        slot.worker.postMessage(q.job);
      }
    }
  }

  private runInline(q: Queued): Promise<void> {
    return runJob(q.job).then(q.resolve, q.reject);
  }

  parse(ctx: AnalysisContext, messages: Array<{ seq: number; raw: ParseJob['messages'][number]['raw'] }>): Promise<ParseResult[]> {
    if (this.closed) return Promise.reject(new Error('parse pool is closed'));
    if (this.size === 0) return runJob({ id: this.nextId++, ctx, messages });
    const job: ParseJob = { id: this.unclaimedId(), ctx, messages };
    this.ensureStarted();
    return new Promise<ParseResult[]>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** A new job's id, its claim cell set: a cell still holding a job nobody has taken is skipped. */
  private unclaimedId(): number {
    for (let tries = 0; tries < CLAIM_CELLS; tries++) {
      const id = this.nextId++;
      if (Atomics.compareExchange(this.claims, id % CLAIM_CELLS, 0, id) === 0) return id;
    }
    throw new Error(`parse pool: more than ${CLAIM_CELLS} jobs waiting`);
  }

  /**
   * The caller has nothing else to do: parse the oldest job nobody has started, queued or in a
   * worker's inbox, on this thread. Resolves false when there is none.
   *
   * The oldest, because the caller writes chunks in order: it waits for the oldest one in any case.
   * Taking only queued jobs (those behind the workers' inboxes) had this thread parse chunks it could
   * not write yet while a worker started up or worked through the older ones it held, and then write
   * a backlog of them alone at the end of a batch, the worker idle (measured on a 10,000-message
   * SQLite ingest: the worker idle for the last ~1.5 s, the calling thread for ~1 s at the start).
   */
  async help(): Promise<boolean> {
    const q = this.takeOldest();
    if (!q) return false;
    await this.runInline(q);
    return true;
  }

  private takeOldest(): Queued | undefined {
    const held = [...this.pending.keys()].sort((a, b) => a - b);
    for (;;) {
      const fromQueue = this.queue[0];
      const fromWorker = held[0];
      if (fromQueue === undefined && fromWorker === undefined) return undefined;
      if (fromWorker === undefined || (fromQueue !== undefined && fromQueue.job.id < fromWorker)) {
        // No worker has seen a queued job: it is this thread's.
        this.queue.shift();
        claimJob(this.claims, fromQueue!.job.id);
        return fromQueue;
      }
      held.shift();
      if (!claimJob(this.claims, fromWorker)) continue; // the worker has started it
      const p = this.pending.get(fromWorker)!;
      this.pending.delete(fromWorker);
      p.slot.inFlight -= 1;
      // The worker's inbox has room again: it gets the next queued job.
      this.dispatch();
      return { job: p.job, resolve: p.resolve, reject: p.reject };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
