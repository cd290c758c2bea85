import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ENTRY = join(import.meta.dirname, '../../src/main.ts');
const WRITE_SQL = join(import.meta.dirname, '../fixtures/write-sql.ts');

export interface CliProcess {
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
}

/** Starts a TypeScript file in a child process (a real second process on the database). */
function startTsProcess(script: string, args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...args], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { output: () => output, exited, kill: (signal = 'SIGTERM') => void child.kill(signal) };
}

/** Runs a TypeScript file in a child process and waits for it to exit. */
async function runTsProcess(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const p = startTsProcess(script, args, env);
  const code = await p.exited;
  return { code, output: p.output() };
}

/** Runs the flowledger CLI from source in a child process. */
export function runCliProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return runTsProcess(ENTRY, args, env);
}

/** Runs one SQL statement from another process (its own connection) and waits for it to exit. */
export async function writeFromOtherProcess(databaseUrl: string, statement: string): Promise<void> {
  const result = await runTsProcess(WRITE_SQL, [databaseUrl, statement]);
  if (result.code !== 0) throw new Error(`write-sql exited with ${result.code}: ${result.output}`);
}

/** Starts a long-running flowledger command (serve, worker) from source; the caller stops it. */
export function startCliProcess(args: string[], env: Record<string, string>): CliProcess {
  return startTsProcess(ENTRY, args, env);
}
