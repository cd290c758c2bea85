import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';
import { scaled } from './test/helpers/time-scale.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    pool: 'forks',
    // One factor scales every timeout (test/helpers/time-scale.ts: TEST_TIME_SCALE, or from the load).
    testTimeout: scaled(30_000),
    hookTimeout: scaled(60_000),
    // expect.poll waits 1 s by default, unscaled: a browser test's wait for a realtime frame and the
    // refetch it causes missed that on a loaded machine (CI, 2026-12-05).
    expect: { poll: { timeout: scaled(5_000) } },
    // Two cores: files run in parallel, each on its own fresh database (SQLite file / PG schema).
    maxWorkers: 2,
    reporters: ['default'],
    // Servers and workers on PostgreSQL refuse to start without a secrets key; the processes tests
    // start inherit this one (tests of the key rules pass their own, or SECRETS_KEY: '' for none).
    env: { SECRETS_KEY: randomBytes(32).toString('base64') },
  },
});
