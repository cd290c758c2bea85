/**
 * Which thread parses a job: a parse worker (parse.worker.ts) or the pool's calling thread
 * (parse-pool.ts, help). Both may hold the same job; the first to claim it parses it.
 */

/**
 * Who parses a job is settled in shared memory: each job has a cell (its id modulo CLAIM_CELLS)
 * holding the id while nobody has taken it, and whichever thread swaps it for 0 first parses it —
 * a worker when it comes to the job in its inbox, the calling thread when it helps (parse.worker.ts,
 * `claimJob`). A cell is reused for a new job only once its job has been claimed, and a stale claim
 * compares against the old job's id, so it fails.
 */
export const CLAIM_CELLS = 4096;

export function claimJob(claims: Int32Array, id: number): boolean {
  return Atomics.compareExchange(claims, id % CLAIM_CELLS, id, 0) === id;
}
