import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ENTRY = join(import.meta.dirname, '../../src/main.ts');
const WRITE_SQL = join(import.meta.dirname, '../fixtures/write-sql.ts');

/** Runs a TypeScript file in a child process (a real second process on the database). */
function runTsProcess(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...args], {
      env: { ...process.env, LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Runs the flowledger CLI from source in a child process. */
export function runCliProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return runTsProcess(ENTRY, args, env);
}

export interface CliProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines (pino) written so far. */
  logs(): Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  /** SIGKILL if still running (for finally blocks). */
  kill(): void;
}

/** Starts a long-running flowledger command (serve, worker, sla monitor) from source. */
export function startCliProcess(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), ENTRY, ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  // 'close', not 'exit': only then has everything the process wrote been read.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    // Complete lines only: the last one may still be arriving.
    logs: () =>
      output
        .split('\n')
        .slice(0, -1)
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Runs one SQL statement from another process (its own connection) and waits for it to exit. */
export async function writeFromOtherProcess(databaseUrl: string, statement: string): Promise<void> {
  const result = await runTsProcess(WRITE_SQL, [databaseUrl, statement]);
  if (result.code !== 0) throw new Error(`write-sql exited with ${result.code}: ${result.output}`);
}
