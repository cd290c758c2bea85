#!/usr/bin/env node
/**
 * Builds @flowledger/client into dist/:
 *
 *   dist/index.js     ESM, bundled by esbuild (the realtime client comes from the server's
 *                     src/realtime); only the runtime dependencies stay imports
 *   dist/index.d.ts   one self-contained declaration file: tsc emits declarations for src/ (and the
 *                     server modules it names) into build/dts, rollup-plugin-dts inlines every local
 *                     type, and the packages below stay imports
 *
 * then fails if either file imports anything but ALLOWED: installing the SDK must never pull in a
 * server dependency (better-sqlite3, fastify, pg, kysely, …), and a server type the bundle could not
 * inline would show up here as an import of one.
 *
 * Runs as `prepack`, so `npm pack` / `npm publish` always ship a fresh build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DTS_OUT = path.join(PKG, 'build/dts');

/** Packages the built files may import: the runtime dependencies (and, for types, @trpc/server, @trpc/client's peer). */
export const ALLOWED = ['@trpc/client', '@trpc/server', 'openapi-fetch'];

/** Every module specifier a JS or .d.ts text refers to: import/export … from, import(), require(), triple-slash references. */
export function moduleSpecifiers(text) {
  const found = new Set();
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\/\/\/\s*<reference\s+(?:types|path|lib)\s*=\s*['"]([^'"]+)['"]/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) found.add(m[1]);
  return [...found].sort();
}

const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** The specifiers of `file` that are not one of ALLOWED (relative paths and node: built-ins included). */
export function disallowedImports(file) {
  return moduleSpecifiers(readFileSync(file, 'utf8')).filter((s) => !ALLOWED.includes(packageOf(s)));
}

async function build() {
  rmSync(path.join(PKG, 'dist'), { recursive: true, force: true });
  rmSync(DTS_OUT, { recursive: true, force: true });

  // noCheck: declarations only, no full type check of the server here (`npm run typecheck` at the
  // root does that); the types the emit needs are still inferred.
  execFileSync(process.execPath, [path.join(requireResolveDir('typescript'), 'bin/tsc'), '-p', path.join(PKG, 'tsconfig.build.json')], { stdio: 'inherit' });

  const { rollup } = await import('rollup');
  const { dts } = await import('rollup-plugin-dts');
  const bundle = await rollup({
    input: path.join(DTS_OUT, 'packages/client/src/index.d.ts'),
    // Bare specifiers stay imports (checked below); relative ones are inlined.
    external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
    plugins: [dts()],
    onwarn(warning, warn) {
      if (warning.code !== 'EMPTY_BUNDLE') warn(warning);
    },
  });
  await bundle.write({ file: path.join(PKG, 'dist/index.d.ts'), format: 'es' });
  await bundle.close();

  const { build: esbuild } = await import('esbuild');
  await esbuild({
    entryPoints: [path.join(PKG, 'src/index.ts')],
    outfile: path.join(PKG, 'dist/index.js'),
    bundle: true,
    format: 'esm',
    // Browser and Node alike: the realtime client has no Node imports (checked below too).
    platform: 'neutral',
    target: 'es2022',
    external: ALLOWED,
    logLevel: 'warning',
  });

  const problems = [];
  for (const file of ['dist/index.d.ts', 'dist/index.js']) {
    const bad = disallowedImports(path.join(PKG, file));
    if (bad.length) problems.push(`${file} imports ${bad.join(', ')} (allowed: ${ALLOWED.join(', ')})`);
  }
  if (problems.length) throw new Error(`@flowledger/client: ${problems.join('; ')}`);
  rmSync(path.join(PKG, 'build'), { recursive: true, force: true });
  for (const file of ['dist/index.d.ts', 'dist/index.js']) {
    console.log(`${file}  ${(statSync(path.join(PKG, file)).size / 1024).toFixed(1)} kB  imports: ${moduleSpecifiers(readFileSync(path.join(PKG, file), 'utf8')).join(', ')}`);
  }
}

/** The folder of an installed package (hoisted to the root's node_modules in the workspace). */
function requireResolveDir(name) {
  return path.dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
