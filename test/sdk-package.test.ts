/**
 * The SDK as an integrator gets it (#22): `npm pack` of packages/client (which builds it), the
 * tarball installed into a fresh project, a strict `tsc` of a program using the REST, tRPC and
 * realtime clients, and that program run against a live server. SQLite is enough here: what is
 * tested is the package, not the engines.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED, disallowedImports, moduleSpecifiers } from '../packages/client/scripts/build.mjs';
import { GENERATED_FILE, renderOpenApiTypes } from '../packages/client/scripts/openapi-types.js';
import { realtimeServices } from '../src/app/realtime-services.js';
import type { Service } from '../src/shared/lifecycle.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { scaled } from './helpers/time-scale.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const PKG = join(ROOT, 'packages/client');
/** The consumer installs the TypeScript the repository uses (tRPC has it as a peer; npm would fetch the latest otherwise). */
const TYPESCRIPT = `typescript@${(JSON.parse(readFileSync(join(ROOT, 'node_modules/typescript/package.json'), 'utf8')) as { version: string }).version}`;

/** What must never be installed with the SDK. */
const SERVER_PACKAGES = ['better-sqlite3', 'fastify', 'pg', 'kysely', 'imapflow', 'nodemailer', 'pino', 'zod', 'mailparser', 'openid-client'];

/**
 * npm in the child sees the cache and registry settings but not the npm_* variables of an
 * `npm test` around this run (which would point it at the repository's own package and workspaces).
 */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') || keep.has(k)));
}

describe('@flowledger/client', () => {
  it('has its OpenAPI types generated from the document the server serves now', async () => {
    const committed = readFileSync(GENERATED_FILE, 'utf8').split('\n');
    const now = (await renderOpenApiTypes()).split('\n');
    const line = now.findIndex((l, i) => l !== committed[i]);
    const firstDifference = line === -1 && now.length === committed.length ? undefined : { line: line + 1, committed: committed[line], now: now[line] };
    // After a change of the routes: `npm run generate -w @flowledger/client`, and commit the file.
    expect(firstDifference, 'packages/client/src/generated/openapi.ts is stale').toBeUndefined();
  });

  it('refuses a declaration bundle that imports a server package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowledger-sdk-check-'));
    try {
      const file = join(dir, 'index.d.ts');
      writeFileSync(
        file,
        [
          "import { Kysely } from 'kysely';",
          "import * as _trpc_server from '@trpc/server';",
          "/// <reference types=\"node\" />",
          "export type Pool = import('pg').Pool;",
          "export { z } from 'zod';",
          "export type Db = Kysely<{}>;",
        ].join('\n'),
      );
      expect(disallowedImports(file)).toEqual(['kysely', 'node', 'pg', 'zod']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('packed, installed into a fresh project, type-checked and run against a live server', () => {
    let work: string;
    let t: TestApp;
    let services: Service[];
    let org: TestOrg;
    let baseUrl: string;

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'flowledger-sdk-'));
      t = await createTestApp({ name: 'sqlite', url: 'sqlite:' });
      services = realtimeServices(t.deps).services;
      for (const s of services) await s.start();
      baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
      org = await t.createOrg();
    });
    afterAll(async () => {
      for (const s of [...(services ?? [])].reverse()) await s.stop();
      await t?.close();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('creates, lists and updates a task and receives its events', { timeout: scaled(150_000) }, async () => {
      // prepack builds dist/ (and fails when the bundled .d.ts imports anything but the allowed packages).
      const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: PKG, env: npmEnv(), maxBuffer: 16 << 20 });
      const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
      expect(info!.files.map((f) => f.path).sort()).toEqual(['README.md', 'dist/index.d.ts', 'dist/index.js', 'package.json']);

      // One self-contained declaration file: no server type left as an import of a server package.
      expect(moduleSpecifiers(readFileSync(join(PKG, 'dist/index.d.ts'), 'utf8'))).toEqual(['@trpc/client', '@trpc/server', 'openapi-fetch']);
      expect(disallowedImports(join(PKG, 'dist/index.js'))).toEqual([]);
      expect(ALLOWED.filter((p) => SERVER_PACKAGES.includes(p))).toEqual([]);

      const project = join(work, 'consumer');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module' }));
      // The registry is reachable here, but whatever the repository's install already cached is used first.
      await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, info!.filename), '@trpc/client@11.25.2', TYPESCRIPT], {
        cwd: project,
        env: npmEnv(),
        maxBuffer: 16 << 20,
      });
      const installed = readdirSync(join(project, 'node_modules'));
      expect(installed.filter((p) => SERVER_PACKAGES.includes(p))).toEqual([]);

      copyFileSync(join(PKG, 'smoke/program.ts'), join(project, 'program.ts'));
      copyFileSync(join(PKG, 'smoke/tsconfig.json'), join(project, 'tsconfig.json'));
      const tsc = join(project, 'node_modules/typescript/bin/tsc');
      const typecheck = await run(process.execPath, [tsc, '-p', join(project, 'tsconfig.json')], { cwd: project }).catch((e: { stdout: string }) => e);
      expect(typecheck.stdout).toBe('');

      // Types stripped only (no bundling): Node resolves @flowledger/client through its exports map.
      const { transform } = await import('esbuild');
      const js = await transform(readFileSync(join(project, 'program.ts'), 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
      writeFileSync(join(project, 'program.mjs'), js.code);
      // Node 22 has a global WebSocket; Node 20 behind a flag.
      const flags = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined' ? ['--experimental-websocket'] : [];
      const result = await run(process.execPath, [...flags, join(project, 'program.mjs'), baseUrl, org.member], { cwd: project, timeout: scaled(60_000) }).catch(
        (e: { stdout: string; stderr: string; code: unknown }) => {
          throw new Error(`the program failed (${String(e.code)}): ${e.stderr}${e.stdout}`);
        },
      );
      const out = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
      expect(out).toMatchObject({
        createdStatus: 201,
        inList: true,
        missingStatus: 404,
        missingCode: 'not_found',
        updatedStatus: 'YELLOW',
        fetchedOwner: 'SDK',
        inTrpcList: true,
        frameTaskStatus: 'YELLOW',
        closeCodeUnauthorized: 4401,
      });
      expect(out.events).toEqual(expect.arrayContaining(['workflow:task:created', 'workflow:task:updated']));
      const task = await t.call(org.member, { method: 'GET', url: `/api/workflow/tasks/${String(out.taskId)}` });
      expect(task.json()).toMatchObject({ task_status: 'YELLOW', current_owner: 'SDK', title: 'Installed from the tarball' });
    });
  });
});
