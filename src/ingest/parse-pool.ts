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
import { runJob, type ParseAnswer, type ParseJob } from './parse.worker.js';

interface Slot {
  worker: Worker;
  inFlight: number;
}

const SELF = import.meta.url;

function spawnWorker(): Worker {
  const ts = SELF.endsWith('.ts');
  const target = new URL(`./parse.worker.${ts ? 'ts' : 'js'}`, SELF).href;
  if (!ts) return new Worker(new URL(target));
  // The ESM build of tsx's register API (require.resolve would give its CommonJS twin).
  const tsxApi = pathToFileURL(createRequire(SELF).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((a) => { a.register(); return import(${JSON.stringify(target)}); });`, {
    eval: true,
  });
}

export class ParsePool {
  private slots: Slot[] = [];
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: ParseResult[]) => void; reject: (e: Error) => void; slot: Slot }>();
  private closed = false;
  private jobs = 0;

  /**
   * `size` workers; 0 = parse inline on the calling thread. With `inlineEvery` = n, every n-th job is
   * parsed on the calling thread too: the thread that writes to the database is idle part of the time,
   * and on two cores one worker plus a share of inline parsing beats two workers — every extra
   * isolate pays its own start-up, JIT warm-up and garbage collection (measured: ~0.6× the bare parse
   * time per 10,000 messages).
   */
  constructor(
    readonly size: number = ParsePool.defaultSize(),
    private readonly inlineEvery = 0,
  ) {}

  /** Workers for a long batch: one core is left to the writer, which also parses its share. */
  static defaultSize(): number {
    return Math.max(1, Math.min(3, availableParallelism() - 1));
  }

  /**
   * A pool for big batches (CLI, demo, large API bodies). On two cores: one worker, and every third
   * chunk parsed by the writer thread — writes take about half the parse time, so both threads
   * stay about equally busy.
   */
  static forBatches(): ParsePool {
    return new ParsePool(ParsePool.defaultSize(), availableParallelism() <= 2 ? 3 : 0);
  }

  private ensureStarted(): void {
    if (this.slots.length > 0 || this.size === 0) return;
    for (let i = 0; i < this.size; i++) {
      const worker = spawnWorker();
      const slot: Slot = { worker, inFlight: 0 };
      worker.on('message', (a: ParseAnswer) => {
        const p = this.pending.get(a.id);
        if (!p) return;
        this.pending.delete(a.id);
        slot.inFlight -= 1;
        p.resolve(a.results);
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

  private failSlot(slot: Slot, err: Error): void {
    for (const [id, p] of this.pending) {
      if (p.slot === slot) {
        this.pending.delete(id);
        p.reject(err);
      }
    }
    this.slots = this.slots.filter((s) => s !== slot);
  }

  parse(ctx: AnalysisContext, messages: Array<{ seq: number; raw: Uint8Array | string }>): Promise<ParseResult[]> {
    if (this.closed) return Promise.reject(new Error('parse pool is closed'));
    const job: ParseJob = { id: this.nextId++, ctx, messages };
    this.jobs += 1;
    if (this.size === 0 || (this.inlineEvery > 0 && this.jobs % this.inlineEvery === 0)) return runJob(job);
    this.ensureStarted();
    const slot = this.slots.reduce<Slot | undefined>((best, s) => (!best || s.inFlight < best.inFlight ? s : best), undefined);
    if (!slot) return runJob(job); // every worker died: degrade to inline rather than fail the batch
    slot.inFlight += 1;
    slot.worker.ref();
    return new Promise<ParseResult[]>((resolve, reject) => {
      this.pending.set(job.id, {
        resolve: (r) => {
          if (slot.inFlight === 0) slot.worker.unref();
          resolve(r);
        },
        reject,
        slot,
      });
      slot.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
