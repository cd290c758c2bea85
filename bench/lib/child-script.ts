/**
 * Runs a bench script (TypeScript, through tsx) in a child process and returns the JSON it printed
 * after `MARKER ` on a line of its own. Used for the work a bench keeps out of its own process:
 * seeding, and each figure's load generator.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export function runScript<T>(script: string, args: string[], marker: string): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const m = new RegExp(`^${marker} (.+)$`, 'm').exec(out);
      if (code === 0 && m) resolve(JSON.parse(m[1]!) as T);
      else reject(new Error(`${script} exited with ${code}`));
    });
  });
}

/**
 * Starts a server script (through tsx) that prints `LISTENING <url>`; resolves with its url.
 * `nodeArgs`: options for node itself (e.g. `--cpu-prof`, which NODE_OPTIONS does not accept).
 */
export function startListening(script: string, args: string[], opts: { cwd?: string; nodeArgs?: string[] } = {}): Promise<{ child: ChildProcess; base: string }> {
  const { nodeArgs = [], ...spawnOpts } = opts;
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], { ...spawnOpts, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve({ child, base: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** SIGTERM, then waits for the exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
