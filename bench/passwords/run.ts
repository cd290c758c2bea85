/**
 * The cost of one password hash (src/auth/passwords.ts) on this machine: N sequential hashes with
 * the default parameters, then the median, fastest and slowest. The target is ≥ ~50 ms each, so a
 * guessing attack on a stolen hash is slow; the fastest figure is the one to hold to it (load only
 * makes hashes slower).
 *   npx tsx bench/passwords/run.ts [count]
 */
import { loadavg } from 'node:os';
import { DEFAULT_PARAMS, hashPassword, verifyPassword } from '../../src/auth/passwords.js';

const count = Number(process.argv[2] ?? 20);
const times: number[] = [];
let stored = '';
for (let i = 0; i < count; i++) {
  const t0 = performance.now();
  stored = await hashPassword(`a long and unusual passphrase ${i}`);
  times.push(performance.now() - t0);
}
const t0 = performance.now();
await verifyPassword(`a long and unusual passphrase ${count - 1}`, stored);
const verifyMs = performance.now() - t0;
times.sort((a, b) => a - b);
const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(
  JSON.stringify({
    params: DEFAULT_PARAMS,
    hashes: count,
    fastest: ms(times[0]!),
    median: ms(times[Math.floor(count / 2)]!),
    slowest: ms(times[count - 1]!),
    verify: ms(verifyMs),
    load1: loadavg()[0]!.toFixed(2),
  }),
);
