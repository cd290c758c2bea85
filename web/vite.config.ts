import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dashboard is served by FlowLedger itself (src/http/web.routes.ts) from web/dist.
// `npm run dev:web` proxies the API to a server started with `npm run dev`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3001',
      '/ws': { target: 'ws://127.0.0.1:3001', ws: true },
    },
  },
});
