import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run in parallel, each on its own fresh database (SQLite file / PG schema).
    maxWorkers: 2,
    reporters: ['default'],
  },
});
