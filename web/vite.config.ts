import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Lists the repository files the bundle was built from (dashboard sources and the server modules it
 * imports, such as the realtime client), so `npm start` rebuilds the dashboard only when one of
 * them changed (scripts/build.mjs reads the list and stamps their hashes).
 */
function buildInputs(): Plugin {
  return {
    name: 'flowledger-build-inputs',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        for (const id of out.moduleIds) {
          const rel = path.relative(ROOT, id.split('?', 1)[0]!);
          // Virtual modules (\0…) and dependencies are left out: package-lock.json stands for the latter.
          if (!id.startsWith('\0') && !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).includes('node_modules')) {
            files.add(rel.split(path.sep).join('/'));
          }
        }
      }
      mkdirSync(path.join(ROOT, 'dist/.build'), { recursive: true });
      writeFileSync(path.join(ROOT, 'dist/.build/web-inputs.json'), `${JSON.stringify([...files].sort(), null, 1)}\n`);
    },
  };
}

// The dashboard is served by FlowLedger itself (src/http/web.routes.ts) from web/dist.
// `npm run dev:web` proxies the API to a server started with `npm run dev`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), buildInputs()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3001',
      '/ws': { target: 'ws://127.0.0.1:3001', ws: true },
    },
  },
});
