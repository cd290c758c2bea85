import { parseArgs } from 'node:util';
import { ROLES, createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys.repository.js';
import { createOrg, getOrg } from '../auth/orgs.repository.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { createDatabase, type Database } from '../db/create-db.js';
import type { Role } from '../db/types.js';
import { handleSignals, serve } from '../main.js';
import { startWorkerProcess } from '../outbox/worker-process.js';
import { createLogger } from '../shared/logger.js';
import { systemClock } from '../shared/clock.js';
import { runSlaPass } from '../sla/monitor.js';
import { notifyCommitted } from '../realtime/pg-relay.js';
import { ingestPath, summaryLines } from '../ingest/ingest.cli.js';
import { seedDemo } from './demo/demo.seed.js';

const HELP = `flowledger — operations pipeline backend

Usage:
  flowledger serve [--no-workers]             API + WebSocket (+ outbox worker and SLA monitor)
  flowledger worker [--concurrency N]         outbox workers only (N parallel claim loops, default 2)
  flowledger migrate                          apply database migrations and exit
  flowledger orgs create --name NAME [--json]
  flowledger keys create --org ID --role admin|member|viewer [--name NAME] [--json]
  flowledger keys list --org ID [--json]
  flowledger keys revoke ID [--json]
  flowledger sla run [--at ISO-TIME] [--json]   one SLA pass now (or at a given time)
  flowledger ingest PATH --org ID [--json]    ingest an .eml file, an mbox, or a folder of them
  flowledger seed --demo [--seed N] [--messages N] [--json]
                                              a demo org + key, a month of mail (600) and a moving pipeline

Configuration comes from environment variables (DATABASE_URL, PORT, …): see the README.`;

export class UsageError extends Error {}

type Out = { log(line: string): void; err(line: string): void };
const stdio: Out = {
  log: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

function positiveInt(v: string | undefined, what: string): number {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || n <= 0) throw new UsageError(`${what} must be a positive integer (got ${v ?? 'nothing'})`);
  return n;
}

/** Opens the database for one command, migrated first unless the command is `migrate` itself. */
async function withDb<T>(
  fn: (database: Database) => Promise<T>,
  env: Record<string, string | undefined>,
  opts: { migrateFirst?: boolean } = {},
): Promise<T> {
  const config = loadConfig(env);
  const database = createDatabase(config.databaseUrl, { poolSize: 2 });
  try {
    if (opts.migrateFirst !== false) await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

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
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [cmd, sub, arg] = positionals;
  const now = () => new Date().toISOString();
  if (values.help || !cmd) {
    out.log(HELP);
    return cmd || values.help ? 0 : 2;
  }

  switch (cmd) {
    case 'serve': {
      const server = await serve({ workers: !values['no-workers'], env });
      handleSignals(server, loadConfig(env).shutdownTimeoutMs, createLogger('error'));
      return -1; // keep running
    }
    case 'worker': {
      const concurrency = values.concurrency === undefined ? 2 : positiveInt(values.concurrency, '--concurrency');
      if (concurrency > 64) throw new UsageError('--concurrency must be at most 64');
      const proc = await startWorkerProcess({ env, concurrency });
      handleSignals(proc, proc.deps.config.shutdownTimeoutMs, proc.deps.logger);
      return -1; // keep running
    }
    case 'migrate': {
      const applied = await withDb((d) => d.migrate(), env, { migrateFirst: false });
      if (values.json) out.log(JSON.stringify({ applied }));
      else out.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      return 0;
    }
    case 'orgs': {
      if (sub !== 'create') throw new UsageError('Usage: flowledger orgs create --name NAME');
      const name = values.name?.trim();
      if (!name) throw new UsageError('--name is required');
      const org = await withDb((d) => createOrg(d.db, { name, now: now() }), env);
      if (values.json) out.log(JSON.stringify({ org_id: org.org_id, name: org.name }));
      else out.log(`Created organisation ${org.org_id} "${org.name}"`);
      return 0;
    }
    case 'keys': {
      if (sub === 'create') {
        const orgId = positiveInt(values.org, '--org');
        const role = values.role as Role;
        if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        const created = await withDb(async (d) => {
          if (!(await getOrg(d.db, orgId))) throw new UsageError(`Organisation ${orgId} does not exist`);
          return createApiKey(d.db, { orgId, role, name: values.name ?? null, now: now() });
        }, env);
        if (values.json)
          out.log(JSON.stringify({ key: created.key, key_id: created.key_id, org_id: created.org_id, role: created.role, name: created.name }));
        else {
          out.log(`Created ${created.role} key ${created.key_id} for organisation ${created.org_id}. Store it now; it is not shown again:`);
          out.log(created.key);
        }
        return 0;
      }
      if (sub === 'list') {
        const orgId = positiveInt(values.org, '--org');
        const keys = await withDb((d) => listApiKeys(d.db, orgId), env);
        if (values.json) out.log(JSON.stringify(keys));
        else if (keys.length === 0) out.log(`No keys for organisation ${orgId}.`);
        else
          for (const k of keys)
            out.log(
              `${k.key_id}\t${k.role}\t${k.name ?? '-'}\t${k.key_prefix}…\tcreated ${k.created_at}\t${k.revoked_at ? `revoked ${k.revoked_at}` : 'active'}`,
            );
        return 0;
      }
      if (sub === 'revoke') {
        const keyId = positiveInt(arg, 'The key id');
        const key = await withDb((d) => revokeApiKey(d.db, null, keyId, now()), env);
        if (!key) {
          out.err(`No key ${keyId}.`);
          return 1;
        }
        if (values.json) out.log(JSON.stringify({ key_id: key.key_id, revoked_at: key.revoked_at }));
        else out.log(`Revoked key ${key.key_id}.`);
        return 0;
      }
      throw new UsageError('Usage: flowledger keys create|list|revoke …');
    }
    case 'sla': {
      if (sub !== 'run') throw new UsageError('Usage: flowledger sla run [--at ISO-TIME]');
      let at: Date | undefined;
      if (values.at !== undefined) {
        at = new Date(values.at);
        if (Number.isNaN(at.getTime())) throw new UsageError(`--at must be an ISO-8601 time (got ${values.at})`);
      }
      const summary = await withDb(async (d) => {
        const s = await runSlaPass({ database: d, clock: systemClock }, at);
        // Wake the servers' realtime taps now rather than at their next poll (PostgreSQL only).
        if (s.events > 0) await notifyCommitted(d).catch(() => {});
        return s;
      }, env);
      if (values.json) out.log(JSON.stringify(summary));
      else
        out.log(
          `SLA pass at ${summary.at}: ${summary.tasks_warned} warned, ${summary.tasks_breached} breached, ` +
            `${summary.breaches_opened} breaches opened, ${summary.breaches_resolved} resolved (${summary.duration_ms} ms)`,
        );
      return 0;
    }
    case 'ingest': {
      if (!sub) throw new UsageError('Usage: flowledger ingest PATH --org ID [--json]');
      const orgId = positiveInt(values.org, '--org');
      const result = await withDb(async (d) => {
        if (!(await getOrg(d.db, orgId))) throw new UsageError(`Organisation ${orgId} does not exist`);
        return ingestPath(
          { database: d, clock: systemClock },
          { path: sub, orgId, actor: 'cli', progress: { isTTY: !values.json && process.stderr.isTTY === true, write: (s) => process.stderr.write(s) } },
        ).catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') throw new UsageError(`No such file or folder: ${sub}`);
          throw e;
        });
      }, env);
      if (values.json) out.log(JSON.stringify({ ...result.batch, files: result.files }));
      else for (const l of summaryLines(result)) out.log(l);
      return 0;
    }
    case 'seed': {
      if (!values.demo) throw new UsageError('Usage: flowledger seed --demo [--seed N]');
      const seed = values.seed === undefined ? 42 : positiveInt(values.seed, '--seed');
      const messages = values.messages === undefined ? 600 : positiveInt(values.messages, '--messages');
      const config = loadConfig(env);
      const demo = await withDb((d) => seedDemo({ database: d, clock: systemClock }, { seed, messages, log: values.json ? () => {} : out.log }), env);
      const url = `http://localhost:${config.port}`;
      if (values.json) out.log(JSON.stringify({ ...demo, url }));
      else {
        out.log('');
        out.log(`Demo organisation ${demo.org_id} "${demo.org_name}" is ready. Its admin key (shown once):`);
        out.log(`  ${demo.key}`);
        out.log(`Start the server (npm start) and open ${url}/docs, or try:`);
        out.log(`  curl -H "Authorization: Bearer ${demo.key}" ${url}/api/ingest/batches`);
      }
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${cmd}". Run flowledger --help.`);
  }
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
