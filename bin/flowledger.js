#!/usr/bin/env node
// Runs the compiled CLI (npm install builds dist/ through the "prepare" script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('flowledger: dist/ is missing; run "npm run build" (npm install does it) first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
