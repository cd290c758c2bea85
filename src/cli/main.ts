import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config.js';
import { stdio, UsageError, type CommandContext, type Out } from './cli-kit.js';
import { ingestCommand } from './commands/ingest.js';
import { keysCommand } from './commands/keys.js';
import { migrateCommand } from './commands/migrate.js';
import { orgsCommand } from './commands/orgs.js';
import { secretsCommand } from './commands/secrets.js';
import { seedCommand } from './commands/seed.js';
import { serveCommand } from './commands/serve.js';
import { slaCommand } from './commands/sla.js';
import { workerCommand } from './commands/worker.js';

export { UsageError };

const COMMANDS: Record<string, (c: CommandContext) => Promise<number>> = {
  serve: serveCommand,
  worker: workerCommand,
  migrate: migrateCommand,
  orgs: orgsCommand,
  keys: keysCommand,
  sla: slaCommand,
  ingest: ingestCommand,
  seed: seedCommand,
  secrets: secretsCommand,
};

const HELP = `flowledger — operations pipeline backend

Usage:
  flowledger serve [--no-workers]             API + WebSocket (+ outbox worker and SLA monitor)
  flowledger worker [--concurrency N] [--no-sla]
                                              outbox workers (N parallel claim loops, default 2) and the SLA monitor
  flowledger migrate                          apply database migrations and exit
  flowledger orgs create --name NAME [--json]
  flowledger keys create --org ID --role admin|member|viewer [--name NAME] [--json]
  flowledger keys list --org ID [--json]
  flowledger keys revoke ID [--json]
  flowledger sla run [--at ISO-TIME] [--json]   one SLA pass now (or at a given time); skipped if one is running
  flowledger sla monitor                      the SLA monitor alone: a pass every SLA_INTERVAL until stopped
  flowledger ingest PATH --org ID [--json]    ingest an .eml file, an mbox, or a folder of them
  flowledger seed --demo [--org ID] [--seed N] [--messages N] [--json]
                                              a month of demo business (600 mails, a pipeline) in your empty org
  flowledger secrets status [--json]          how many stored secrets are sealed under which key id
  flowledger secrets rotate [--batch N] [--json]
                                              re-seal every stored secret under the current SECRETS_KEY

Configuration comes from environment variables (DATABASE_URL, PORT, …): see docs/operations.md.`;

/** Runs one CLI command; returns the exit code. Separate from process handling so tests can call it. */
export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env, out: Out = stdio): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string' },
      at: { type: 'string' },
      demo: { type: 'boolean', default: false },
      seed: { type: 'string' },
      messages: { type: 'string' },
      'no-workers': { type: 'boolean', default: false },
      'no-sla': { type: 'boolean', default: false },
      concurrency: { type: 'string' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [cmd, sub, arg] = positionals;
  if (values.help || !cmd) {
    out.log(HELP);
    return cmd || values.help ? 0 : 2;
  }

  const command = Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
  if (!command) throw new UsageError(`Unknown command "${cmd}". Run flowledger --help.`);
  return command({ sub, arg, values, env, out });
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  try {
    const code = await runCli(argv);
    if (code >= 0) process.exitCode = code;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 78; // EX_CONFIG
    } else if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(err as Error).message}\n${HELP}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`flowledger: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    }
  }
}
