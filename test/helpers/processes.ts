import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ENTRY = join(import.meta.dirname, '../../src/main.ts');
const WRITE_SQL = join(import.meta.dirname, '../fixtures/write-sql.ts');

export interface CliProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines (pino) written so far. */
  logs(): Array<Record<string, unknown>>;
  /** Resolves with the exit code once everything the process wrote has been read. */
  exited: Promise<number | null>;
  /** Sends `signal` (default SIGKILL, for finally blocks) if the process is still running. */
  kill(signal?: NodeJS.Signals): void;
}

/** Starts a TypeScript file in a child process (a real second process on the database). */
function startTsProcess(script: string, args: string[], env: Record<string, string>, logLevel: string): CliProcess {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...args], {
    env: { ...process.env, LOG_LEVEL: logLevel, ...env },
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
    kill: (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** Runs a TypeScript file in a child process and waits for it to exit. */
async function runTsProcess(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const p = startTsProcess(script, args, env, 'error');
  const code = await p.exited;
  return { code, output: p.output() };
}

/** Runs the flowledger CLI from source in a child process. */
export function runCliProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return runTsProcess(ENTRY, args, env);
}

/** Starts a long-running flowledger command (serve, worker, sla monitor) from source; the caller stops it. */
export function startCliProcess(args: string[], env: Record<string, string>): CliProcess {
  return startTsProcess(ENTRY, args, env, 'info');
}

/** Runs one SQL statement from another process (its own connection) and waits for it to exit. */
export async function writeFromOtherProcess(databaseUrl: string, statement: string): Promise<void> {
  const result = await runTsProcess(WRITE_SQL, [databaseUrl, statement]);
  if (result.code !== 0) throw new Error(`write-sql exited with ${result.code}: ${result.output}`);
}
