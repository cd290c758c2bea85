/**
 * npm run bench:web — how fast the dashboard's screens become usable, and whether they jump.
 *
 * Seeds a demo org (`flowledger seed --demo`: a month of mail, ~600 messages, a moving pipeline) in
 * a fresh SQLite file, starts the built server (`node bin/flowledger.js serve`) in its own process,
 * and loads each screen in Debian's Chromium from a cold browser context (no cache, no storage but
 * the key) RUNS times. For each screen it prints:
 *   - interactive: navigation start → the screen's data is on screen and it answers input (the
 *     element the user came for is rendered from the API's answer), p50 / p95 / max ms;
 *   - CLS: the page's cumulative layout shift score (Chromium's layout-shift entries), max over runs.
 * Goal (issue 9): first screen interactive in under 1 s on localhost, no layout jumps.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'bin/flowledger.js');

const SCREENS = [
  { name: 'dashboard', path: '/', ready: '[data-metric="red_tasks"] .tile-value:not(:empty)', text: /\d/ },
  { name: 'kanban', path: '/kanban', ready: 'section[data-status="GREEN"] .card', text: undefined },
  { name: 'tasks', path: '/tasks', ready: 'table.tasks-table tbody tr[data-task-id]', text: undefined },
  { name: 'pipeline', path: '/pipeline', ready: '.today-item', text: undefined },
] as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-bench-web-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, LOG_LEVEL: 'warn', MAIL_DIR: join(dir, 'mail') };
  const demo = JSON.parse(execFileSync('node', [CLI, 'seed', '--demo', '--json'], { env, encoding: 'utf8' }).trim().split('\n').pop()!) as { key: string };
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = spawn('node', [CLI, 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 200) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 50));
  }

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  console.log(`dashboard screens, cold context each run, ${RUNS} runs, SQLite demo org; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
  console.log('screen        interactive p50 / p95 / max ms    CLS (max)');
  try {
    for (const screen of SCREENS) {
      const times: number[] = [];
      let cls = 0;
      for (let r = 0; r < RUNS; r++) {
        const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 } });
        await ctx.addInitScript({
          content: `window.localStorage.setItem('flowledger.apiKey', ${JSON.stringify(demo.key)});
            window.__cls = 0;
            new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
              .observe({ type: 'layout-shift', buffered: true });`,
        });
        const page = await ctx.newPage();
        await page.goto(`${base}${screen.path}`, { waitUntil: 'commit' });
        await page.waitForSelector(screen.ready, { timeout: 10_000 });
        // Time since navigation start, read in the page itself (the same clock the browser uses).
        times.push((await page.evaluate('performance.now()')) as number);
        await page.waitForTimeout(300); // let late data (throttled reloads, live events) land before reading CLS
        cls = Math.max(cls, (await page.evaluate('window.__cls')) as number);
        await ctx.close();
      }
      times.sort((a, b) => a - b);
      console.log(
        `${screen.name.padEnd(12)}  ${percentile(times, 50).toFixed(0).padStart(6)} / ${percentile(times, 95).toFixed(0).padStart(4)} / ${times.at(-1)!.toFixed(0).padStart(4)}            ${cls.toFixed(3)}`,
      );
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
