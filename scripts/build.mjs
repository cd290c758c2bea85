#!/usr/bin/env node
/**
 * Builds the server (`dist/`) and the dashboard (`web/dist/`), and records what each was built from.
 *
 *   node scripts/build.mjs [server] [web]               build (both when none is named): npm run build
 *   node scripts/build.mjs --if-stale [server] [web]    build only the parts whose sources changed
 *                                                       since their last build (npm start, npm run demo)
 *
 * Plain Node.js, no TypeScript loader: `npm start` runs it before every start, and a check of an
 * up-to-date tree must cost milliseconds, not the seconds tsc and vite take to find nothing to do.
 * A part's stamp (`dist/.build/<part>.json`) holds a content hash of every file the part was built
 * from. Content, not modification times: a checkout, `touch` or copy that leaves a file's bytes
 * alone does not force a rebuild, and clock skew cannot hide a change.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP_DIR = 'dist/.build';

/** The dashboard's module list, written by the build-inputs plugin of web/vite.config.ts. */
export const WEB_INPUTS_FILE = `${STAMP_DIR}/web-inputs.json`;

/**
 * The parts: how each is built, the file whose absence means "not built", and its inputs (paths
 * relative to the root). The server's are every compiled source, so a new file counts; the
 * dashboard's are the modules its last bundle contained (a file no module imports cannot change
 * the bundle until an importing module changes, and that one is listed).
 */
export const PARTS = {
  server: {
    label: 'server (dist/)',
    command: 'tsc -p tsconfig.build.json',
    output: 'dist/cli/main.js',
    inputs: (root) => [
      ...listFiles(root, 'src').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
      'tsconfig.json',
      'tsconfig.build.json',
    ],
  },
  web: {
    label: 'dashboard (web/dist/)',
    command: 'vite build web --logLevel warn',
    output: 'web/dist/index.html',
    inputs: (root) => [...readJson(path.join(root, WEB_INPUTS_FILE), []), 'web/vite.config.ts', 'web/index.html', 'package-lock.json'],
  },
};

function listFiles(root, dir) {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'));
}

function readJson(file, fallback) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return fallback;
  }
}

/** Content hashes of the given files; a missing file hashes to null. */
function hashFiles(root, files) {
  const out = {};
  for (const f of [...new Set(files)].sort()) {
    const abs = path.join(root, f);
    out[f] = existsSync(abs) ? createHash('sha256').update(readFileSync(abs)).digest('hex') : null;
  }
  return out;
}

const stampPath = (root, name) => path.join(root, STAMP_DIR, `${name}.json`);

/**
 * Whether a part must be built, and why: `{ stale: false, files }` when its output exists and every
 * input has the content it had at the last build, else `{ stale: true, reason }`.
 */
export function checkPart(root, name, part) {
  if (!existsSync(path.join(root, part.output))) return { stale: true, reason: `${part.output} is missing` };
  const stamp = readJson(stampPath(root, name), undefined);
  if (!stamp?.files) return { stale: true, reason: 'it has no build stamp yet' };
  const now = hashFiles(root, part.inputs(root));
  const changed = [];
  for (const [f, h] of Object.entries(now)) {
    if (!(f in stamp.files)) changed.push(`${f} is new`);
    else if (stamp.files[f] !== h) changed.push(h === null ? `${f} was removed` : `${f} changed`);
  }
  for (const f of Object.keys(stamp.files)) if (!(f in now)) changed.push(`${f} was removed`);
  if (changed.length === 0) return { stale: false, files: Object.keys(now).length };
  const more = changed.length > 1 ? ` (and ${changed.length - 1} more)` : '';
  return { stale: true, reason: `${changed[0]}${more}` };
}

/** Runs a part's build command with the package's binaries on the PATH (as npm scripts have them). */
function runCommand(root, command) {
  const bin = path.join(root, 'node_modules', '.bin');
  const result = spawnSync(command, {
    cwd: root,
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  return result.status ?? 1;
}

/**
 * Builds the named parts (all of them when none is named) or, with `ifStale`, only the stale ones,
 * writing each built part's stamp. Inputs are hashed after the build, so the stamp names the
 * dashboard's modules of this build. Returns the exit code (the first failing build's).
 */
export function build(opts = {}) {
  const root = opts.root ?? ROOT;
  const parts = opts.parts ?? PARTS;
  const log = opts.log ?? ((line) => process.stdout.write(`${line}\n`));
  const names = opts.names?.length ? opts.names : Object.keys(parts);
  const fresh = [];
  let checkMs = 0;
  for (const name of names) {
    const part = parts[name];
    if (!part) {
      log(`build: unknown part "${name}" (parts: ${Object.keys(parts).join(', ')})`);
      return 2;
    }
    if (opts.ifStale) {
      const t = performance.now();
      const check = checkPart(root, name, part);
      checkMs += performance.now() - t;
      if (!check.stale) {
        fresh.push(`${part.label}, ${check.files} files`);
        continue;
      }
      log(`build: ${part.label} is out of date: ${check.reason}. Building (${part.command}) …`);
    }
    const t0 = performance.now();
    const code = runCommand(root, part.command);
    if (code !== 0) {
      log(`build: ${part.label} failed (exit ${code})`);
      return code;
    }
    mkdirSync(path.join(root, STAMP_DIR), { recursive: true });
    writeFileSync(stampPath(root, name), `${JSON.stringify({ built_at: new Date().toISOString(), files: hashFiles(root, part.inputs(root)) }, null, 1)}\n`);
    if (opts.ifStale) log(`build: ${part.label} built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (fresh.length > 0) log(`build: up to date, not rebuilt: ${fresh.join('; ')} (checked in ${Math.round(checkMs)} ms)`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  process.exitCode = build({ ifStale: args.includes('--if-stale'), names: args.filter((a) => !a.startsWith('--')) });
}
