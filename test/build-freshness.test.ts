/**
 * `npm start` (prestart: `node scripts/build.mjs --if-stale`) starts from the built output and
 * rebuilds a part only when a file it was built from changed. The real input lists (PARTS) run on a
 * scratch tree whose build commands only count their runs, so this takes milliseconds.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARTS, WEB_INPUTS_FILE, build, type Part } from '../scripts/build.mjs';

/** A build command that records its run and writes the part's output (or fails, when FAIL_BUILD names the part). */
const counting = (name: string, output: string) =>
  `node -e "const fs=require('fs');if(process.env.FAIL_BUILD==='${name}')process.exit(3);fs.mkdirSync(require('path').dirname('${output}'),{recursive:true});fs.appendFileSync('runs-${name}','x');fs.writeFileSync('${output}','')"`;

describe('build --if-stale (what npm start runs first)', () => {
  let root: string;
  let parts: Record<string, Part>;
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const runs = (name: string) => {
    try {
      return readFileSync(join(root, `runs-${name}`), 'utf8').length;
    } catch {
      return 0;
    }
  };
  const start = () => {
    const lines: string[] = [];
    const code = build({ root, parts, ifStale: true, log: (l) => lines.push(l) });
    return { code, out: lines.join('\n'), server: runs('server'), web: runs('web') };
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'flowledger-build-'));
    parts = {
      server: { ...PARTS.server, command: counting('server', PARTS.server.output) },
      web: { ...PARTS.web, command: counting('web', PARTS.web.output) },
    };
    write('src/main.ts', 'export const a = 1;\n');
    write('src/cli/main.ts', 'export {};\n');
    write('src/cli/main.test.ts', 'test\n');
    write('tsconfig.json', '{}');
    write('tsconfig.build.json', '{}');
    write('web/index.html', '<html></html>');
    write('web/vite.config.ts', 'export default {};');
    write('web/src/app.tsx', 'export const App = 1;');
    write('package-lock.json', '{}');
    // The module list the dashboard's bundle plugin writes: its sources and a server module it imports.
    write(WEB_INPUTS_FILE, JSON.stringify(['web/index.html', 'web/src/app.tsx', 'src/cli/main.ts']));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds what was never built, then starts from the built output without rebuilding', () => {
    const first = start();
    expect(first).toMatchObject({ code: 0, server: 1, web: 1 });
    expect(first.out).toContain('server (dist/) is out of date: dist/cli/main.js is missing');
    const second = start();
    expect(second).toMatchObject({ code: 0, server: 1, web: 1 });
    expect(second.out).toMatch(/^build: up to date, not rebuilt: server \(dist\/\), 4 files; dashboard \(web\/dist\/\), 5 files \(checked in \d+ ms\)$/);
  });

  it('rebuilds only the part whose source changed, naming the file', () => {
    start();
    write('src/main.ts', 'export const a = 2;\n');
    const after = start();
    expect(after).toMatchObject({ code: 0, server: 2, web: 1 });
    expect(after.out).toContain('server (dist/) is out of date: src/main.ts changed.');
    write('web/src/app.tsx', 'export const App = 2;');
    expect(start()).toMatchObject({ server: 2, web: 2 });
    // A server module the dashboard bundles counts for both.
    write('src/cli/main.ts', 'export const b = 1;\n');
    expect(start()).toMatchObject({ server: 3, web: 3 });
    expect(start()).toMatchObject({ server: 3, web: 3 });
  });

  it('goes by content: a touched file is not a change, a new or removed source is', () => {
    start();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src/main.ts'), later, later);
    utimesSync(join(root, 'web/src/app.tsx'), later, later);
    expect(start()).toMatchObject({ server: 1, web: 1 });
    write('src/cli/other.test.ts', 'test\n');
    expect(start()).toMatchObject({ server: 1, web: 1 });
    write('src/new.ts', 'export {};\n');
    const added = start();
    expect(added).toMatchObject({ server: 2, web: 1 });
    expect(added.out).toContain('src/new.ts is new');
    rmSync(join(root, 'src/new.ts'));
    expect(start().out).toContain('src/new.ts was removed');
  });

  it('rebuilds when the output is gone, and keeps saying stale after a failed build', () => {
    start();
    rmSync(join(root, 'web/dist'), { recursive: true });
    expect(start()).toMatchObject({ server: 1, web: 2 });
    appendFileSync(join(root, 'src/main.ts'), '// edit\n');
    process.env.FAIL_BUILD = 'server';
    try {
      const failed = start();
      expect(failed.code).toBe(3);
      expect(failed.out).toContain('build: server (dist/) failed (exit 3)');
    } finally {
      delete process.env.FAIL_BUILD;
    }
    const retried = start();
    expect(retried).toMatchObject({ code: 0, server: 2 });
    expect(retried.out).toContain('src/main.ts changed');
  });
});
