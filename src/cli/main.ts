/**
 * The `flowledger` command line, on commander: each command in `commands/` declares its own
 * arguments, options, help and examples. A usage mistake is one line naming it and the command's
 * help to read (exit 2), never the whole help again.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config.js';
import { CliContext, stdio, UsageError, type Out } from './cli-kit.js';
import { backupCommands } from './commands/backup.js';
import { ingestCommand } from './commands/ingest.js';
import { keysCommand } from './commands/keys.js';
import { mailboxesCommand } from './commands/mailboxes.js';
import { migrateCommand } from './commands/migrate.js';
import { orgsCommand } from './commands/orgs.js';
import { secretsCommand } from './commands/secrets.js';
import { seedCommand } from './commands/seed.js';
import { serveCommand } from './commands/serve.js';
import { slaCommand } from './commands/sla.js';
import { usersCommand } from './commands/users.js';
import { workerCommand } from './commands/worker.js';

export { UsageError };

/** The package's version: package.json sits two levels up from both src/cli/ (tsx) and dist/cli/ (built). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Thrown to end a run with an exit code once commander has printed what it had to (bare `flowledger`). */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** `keys create` for that command, '' for the program. */
function commandPath(c: Command): string {
  const names: string[] = [];
  for (let at: Command | null = c; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

function* everyCommand(c: Command): Generator<Command> {
  yield c;
  for (const sub of c.commands) yield* everyCommand(sub);
}

/** commander's message for a parse error, as one sentence: "error: unknown command 'x'\n(Did you mean y?)" → "Unknown command 'x'. Did you mean y?" */
function sentence(message: string): string {
  const s = message
    .replace(/^error: /, '')
    .replace(/\s*\n\((.*)\)\s*$/s, (_m, hint: string) => `. ${hint}`)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Help or the version was asked for and printed (`help keys` exits with 'commander.help' and exit code 0). */
function helpOrVersion(err: CommanderError): boolean {
  return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || (err.code === 'commander.help' && err.exitCode === 0);
}

/** commander's exits, made into what runCli's callers handle: help and version pass through, mistakes become UsageErrors. */
function onCommanderExit(c: Command) {
  return (err: CommanderError): never => {
    if (helpOrVersion(err)) throw err;
    if (err.code === 'commander.help') {
      // A group named without one of its commands (`flowledger`, `flowledger sla`). commander
      // printed nothing (writeErr is silent): the program prints its help, a group one line.
      if (!c.parent) {
        c.outputHelp();
        throw new Exit(2);
      }
      const subs = c.commands.filter((s) => s.name() !== 'help').map((s) => `flowledger ${commandPath(s)} ${s.usage()}`.trimEnd());
      throw new UsageError(`Missing command: ${subs.join(' | ')}`, commandPath(c));
    }
    throw new UsageError(sentence(err.message), commandPath(c));
  };
}

function buildProgram(ctx: CliContext): Command {
  const program = new Command('flowledger')
    .description('FlowLedger — operations pipeline backend: mail in, signals, workflow tasks and SLAs out.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command (flowledger <command> --help)')
    // The options of `ingest` stop at its subcommand, so `ingest failed 12 --org 1` gives --org to `failed`.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => ctx.out.log(s.trimEnd()),
      // commander writes here only errors and help after a mistake: main() prints a mistake once,
      // as one line with a pointer to the help, instead.
      writeErr: () => {},
      outputError: () => {},
    })
    .addHelpText(
      'after',
      '\nConfiguration comes from environment variables (DATABASE_URL, PORT, …): see docs/operations.md.\n' +
        'Exit codes: 0 success, 1 failure, 2 usage error, 78 invalid configuration.',
    );
  for (const add of [
    serveCommand,
    workerCommand,
    slaCommand,
    migrateCommand,
    backupCommands,
    orgsCommand,
    keysCommand,
    usersCommand,
    mailboxesCommand,
    ingestCommand,
    seedCommand,
    secretsCommand,
  ])
    add(program, ctx);
  // Subcommands copy their parent's settings when created; the exit handler needs each its own command.
  for (const c of everyCommand(program)) c.exitOverride(onCommanderExit(c));
  return program;
}

/**
 * Runs one CLI command; returns the exit code (-1: a long-running role keeps the process alive).
 * Usage mistakes throw UsageError and invalid configuration ConfigError: main() prints them.
 * Separate from process handling so tests can call it.
 */
export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env, out: Out = stdio): Promise<number> {
  const ctx = new CliContext(env, out);
  const program = buildProgram(ctx);
  let running: Command = program;
  program.hook('preAction', (_root, action) => {
    running = action;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError && helpOrVersion(err)) return 0;
    if (err instanceof Exit) return err.code;
    // A command's own checks (an unknown organisation, a missing file) are about that command.
    if (err instanceof UsageError && err.command === undefined) err.command = commandPath(running);
    throw err;
  }
  return ctx.exitCode;
}

export function usageLine(err: UsageError): string {
  const cmd = err.command ? `flowledger ${err.command}` : 'flowledger';
  const msg = err.message.replace(/\s+$/, '');
  return `${cmd}: ${msg}${/[.?!]$/.test(msg) ? '' : '.'} See ${cmd} --help.`;
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  // `flowledger --help | head`: a reader that stops early ends the run as SIGPIPE would, without a stack.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
  try {
    const code = await runCli(argv);
    if (code >= 0) process.exitCode = code;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 78; // EX_CONFIG
    } else if (err instanceof UsageError) {
      process.stderr.write(`${usageLine(err)}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`flowledger: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    }
  }
}
