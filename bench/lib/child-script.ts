/**
 * Runs a bench script (TypeScript, through tsx) in a child process and returns the JSON it printed
 * after `MARKER ` on a line of its own. Used for the work a bench keeps out of its own process:
 * seeding, and each figure's load generator.
 */
import { spawn } from 'node:child_process';

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
