/**
 * `flowledger mailboxes add|list|test|remove`: an organisation's IMAP mailboxes, through the same
 * service as the admin API (mailboxes.service.ts): the same checks, the same audit record (actor
 * `cli`). The credential (and an OAuth client secret) is read from an environment variable named
 * on the command line, so it never lands in shell history or the process list, and is never printed.
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { getOrg } from '../../auth/orgs.repository.js';
import { assertKeysCoverStoredSecrets, resolveKeyRing } from '../../app/secrets.js';
import { ConfigError, loadConfig } from '../../config/config.js';
import type { Database } from '../../db/create-db.js';
import { listMailboxes, toMailboxView } from '../../mailboxes/mailboxes.repository.js';
import type { ProbeResult } from '../../mailboxes/imap-session.js';
import { addMailbox, AUTH_KINDS, createMailboxInput, removeMailbox, testMailbox, TLS_MODES, type MailboxServiceDeps } from '../../mailboxes/mailboxes.service.js';
import { systemClock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { UsageError, examples, positiveInt, withDb, type CliContext, type JsonOption } from '../cli-kit.js';

const CLI = { actor: 'cli' };

/** The flag that sets each field of the API's body, so a refusal names what the operator typed. */
const FLAG: Record<string, string> = {
  name: '--name',
  host: '--host',
  port: '--port',
  tls_mode: '--tls',
  username: '--user',
  auth_kind: '--auth',
  secret: '--password-env',
  oauth_token_url: '--oauth-token-url',
  oauth_client_id: '--oauth-client-id',
  oauth_client_secret: '--client-secret-env',
  folders: '--folder',
  own_domains: '--own-domain',
  after_processing: '--after-processing',
  enabled: '--disabled',
};

interface AddOptions extends JsonOption {
  org: number;
  name: string;
  host: string;
  port?: number;
  tls: (typeof TLS_MODES)[number];
  user: string;
  auth: (typeof AUTH_KINDS)[number];
  passwordEnv: string;
  oauthTokenUrl?: string;
  oauthClientId?: string;
  clientSecretEnv?: string;
  folder?: string[];
  ownDomain?: string[];
  afterProcessing: string;
  disabled?: boolean;
}

const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

export function mailboxesCommand(program: Command, ctx: CliContext): void {
  const mailboxes = program.command('mailboxes').description("An organisation's IMAP mailboxes: add, list (with their state), test the connection, remove.");
  mailboxes
    .command('add')
    .description('Add a mailbox to watch (the worker role connects to it). The password, app password or XOAUTH2 token is read from the environment variable --password-env names.')
    .requiredOption('--org <id>', 'organisation id', positiveInt())
    .requiredOption('--name <name>', 'a name for the mailbox, unique in the organisation')
    .requiredOption('--host <host>', 'IMAP server host name or address')
    .option('--port <port>', 'IMAP port (default 993 for --tls tls, else 143)', positiveInt(65535))
    .addOption(new Option('--tls <mode>', 'tls: implicit TLS; starttls: upgrade required; none: plaintext').choices(TLS_MODES).default('tls'))
    .requiredOption('--user <user>', 'IMAP login')
    .addOption(new Option('--auth <kind>', 'password (or app password), or xoauth2 (the secret is an access token, or with --oauth-token-url a refresh token)').choices(AUTH_KINDS).default('password'))
    .requiredOption('--password-env <NAME>', 'the environment variable holding the password or token (never on the command line)')
    .option('--oauth-token-url <url>', 'xoauth2: the token endpoint (https) that issues access tokens for the refresh token')
    .option('--oauth-client-id <id>', 'xoauth2: the OAuth client id (required with --oauth-token-url)')
    .option('--client-secret-env <NAME>', 'xoauth2: the environment variable holding the OAuth client secret, when the client has one')
    .option('--folder <folder>', 'a folder to watch (repeat for more; default INBOX)', collect)
    .option('--own-domain <domain>', "one of the organisation's own address domains (repeat for more)", collect)
    .option('--after-processing <what>', 'none, seen (flag as read) or move:<folder>', 'none')
    .option('--disabled', 'add it without watching it yet')
    .option('--json', 'print the mailbox as the API shows it (never the secret)')
    .addHelpText(
      'after',
      examples(
        'IMAP_PASSWORD=… flowledger mailboxes add --org 1 --name support --host imap.example.com --user support@example.com --password-env IMAP_PASSWORD',
        'flowledger mailboxes add --org 1 --name sales --host mail.example.com --tls starttls --user sales --password-env SALES_PW --folder INBOX --folder Orders --own-domain example.com --after-processing move:Done',
        'M365_REFRESH=… M365_CLIENT_SECRET=… flowledger mailboxes add --org 1 --name orders --host outlook.office365.com --user orders@example.com --auth xoauth2 --password-env M365_REFRESH --oauth-token-url https://login.microsoftonline.com/TENANT/oauth2/v2.0/token --oauth-client-id CLIENT_ID --client-secret-env M365_CLIENT_SECRET',
      ),
    )
    .action(ctx.run((opts: AddOptions) => add(ctx, opts)));
  mailboxes
    .command('list')
    .description("List an organisation's mailboxes with their state, last sync, last error and messages ingested (never the credential).")
    .requiredOption('--org <id>', 'organisation id', positiveInt())
    .option('--json', 'print the mailboxes as the API shows them')
    .addHelpText('after', examples('flowledger mailboxes list --org 1'))
    .action(ctx.run((opts: JsonOption & { org: number }) => list(ctx, opts)));
  mailboxes
    .command('test')
    .description('Connect with the stored settings and report the folders and message counts found, or why it failed (exit code 1).')
    .argument('<mailbox-id>', 'the mailbox id (from mailboxes list)', positiveInt())
    .requiredOption('--org <id>', 'organisation id', positiveInt())
    .option('--json', 'print what POST /api/mailboxes/:id/test answers')
    .addHelpText('after', examples('flowledger mailboxes test 3 --org 1'))
    .action(ctx.run((id: number, opts: JsonOption & { org: number }) => test(ctx, id, opts)));
  mailboxes
    .command('remove')
    .description('Remove a mailbox: its watcher stops; mail already ingested stays.')
    .argument('<mailbox-id>', 'the mailbox id (from mailboxes list)', positiveInt())
    .requiredOption('--org <id>', 'organisation id', positiveInt())
    .option('--json', 'print the removed mailbox')
    .addHelpText('after', examples('flowledger mailboxes remove 3 --org 1'))
    .action(ctx.run((id: number, opts: JsonOption & { org: number }) => remove(ctx, id, opts)));
}

/**
 * Opens the database and what the mailboxes service needs, for one organisation that must exist.
 * The key ring is the servers' (SECRETS_KEY, or the key file beside a SQLite database).
 */
async function withService<T>(ctx: CliContext, orgId: number, fn: (deps: MailboxServiceDeps) => Promise<T>): Promise<T> {
  const config = loadConfig(ctx.env);
  return withDb(async (database: Database) => {
    if (!(await getOrg(database.db, orgId))) throw new UsageError(`Organisation ${orgId} does not exist`);
    const secrets = resolveKeyRing(config, database);
    if (!secrets) throw new ConfigError(['No secrets key: set SECRETS_KEY, or start the server once so it creates the key file']);
    await assertKeysCoverStoredSecrets(secrets, database.db);
    return fn({
      database,
      clock: systemClock,
      // No outbox runs in this process: servers and workers hear the commit themselves (commit-feed.ts).
      commitFeed: { notify: () => {} },
      config,
      secrets,
    });
  }, ctx.env);
}

/** The service's refusals as the command line says them: bad input is a usage error, the rest exit code 1. */
async function refusals(ctx: CliContext, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof z.ZodError) {
      throw new UsageError(err.issues.map((i) => `${FLAG[String(i.path[0])] ?? String(i.path[0] ?? 'input')}: ${i.message}`).join('; '));
    }
    if (err instanceof AppError && err.code === 'bad_request') throw new UsageError(err.message);
    if (err instanceof AppError && (err.code === 'conflict' || err.code === 'not_found')) {
      ctx.out.err(`${err.message}.`);
      return 1;
    }
    throw err;
  }
}

function describeMailbox(m: ReturnType<typeof toMailboxView>): string {
  const health = m.last_error ? `error: ${m.last_error}` : `last sync ${m.last_sync_at ?? 'never'}`;
  // A first sync of a large folder says how far it is: "INBOX 1500/10000".
  const progress = m.folder_status
    .filter((f) => f.pending > 0)
    .map((f) => `\t${f.folder} ${f.synced}/${f.synced + f.pending}`)
    .join('');
  return `${m.mailbox_id}\t${m.name}\t${m.username}@${m.host}:${m.port} (${m.tls_mode})\t${m.folders.join(',')}\t${m.state}\t${health}\t${m.messages_ingested} ingested${progress}`;
}

async function add(ctx: CliContext, opts: AddOptions): Promise<number> {
  const secret = ctx.env[opts.passwordEnv];
  if (!secret) throw new UsageError(`--password-env: the environment variable ${opts.passwordEnv} is not set or empty`);
  const clientSecret = opts.clientSecretEnv === undefined ? undefined : ctx.env[opts.clientSecretEnv];
  if (opts.clientSecretEnv !== undefined && !clientSecret) throw new UsageError(`--client-secret-env: the environment variable ${opts.clientSecretEnv} is not set or empty`);
  return refusals(ctx, async () => {
    const input = createMailboxInput.parse({
      name: opts.name,
      host: opts.host,
      port: opts.port,
      tls_mode: opts.tls,
      username: opts.user,
      auth_kind: opts.auth,
      secret,
      oauth_token_url: opts.oauthTokenUrl,
      oauth_client_id: opts.oauthClientId,
      oauth_client_secret: clientSecret,
      folders: opts.folder,
      own_domains: opts.ownDomain,
      after_processing: opts.afterProcessing,
      enabled: !opts.disabled,
    });
    const view = toMailboxView(await withService(ctx, opts.org, (deps) => addMailbox(deps, CLI, opts.org, input)));
    if (opts.json) ctx.out.log(JSON.stringify(view));
    else ctx.out.log(`Added mailbox ${view.mailbox_id} "${view.name}" (${view.username}@${view.host}:${view.port}, ${view.tls_mode}) for organisation ${view.org_id}: ${view.state}.`);
    return 0;
  });
}

async function list(ctx: CliContext, opts: JsonOption & { org: number }): Promise<number> {
  // Every mailbox of the organisation: a CLI list is not paged (an organisation has a handful).
  const { data } = await withDb(async (d) => {
    if (!(await getOrg(d.db, opts.org))) throw new UsageError(`Organisation ${opts.org} does not exist`);
    return listMailboxes(d.db, { orgId: opts.org, limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  }, ctx.env);
  if (opts.json) ctx.out.log(JSON.stringify(data));
  else if (data.length === 0) ctx.out.log(`No mailboxes for organisation ${opts.org}.`);
  else for (const m of data) ctx.out.log(describeMailbox(m));
  return 0;
}

function printProbe(ctx: CliContext, id: number, r: ProbeResult): void {
  if (r.error) ctx.out.err(`Mailbox ${id}: FAILED ${r.error_kind ? `(${r.error_kind}) ` : ''}${r.error}`);
  else ctx.out.log(`Mailbox ${id}: connected, ${r.folders.length} folder(s).`);
  for (const f of r.folders) ctx.out.log(`${f.watched ? '*' : ' '} ${f.path}\t${f.messages ?? '-'} messages\t${f.unseen ?? '-'} unseen`);
}

async function test(ctx: CliContext, id: number, opts: JsonOption & { org: number }): Promise<number> {
  return refusals(ctx, async () => {
    const r = await withService(ctx, opts.org, (deps) => testMailbox(deps, opts.org, id));
    if (opts.json) ctx.out.log(JSON.stringify(r));
    else printProbe(ctx, id, r);
    return r.ok ? 0 : 1;
  });
}

async function remove(ctx: CliContext, id: number, opts: JsonOption & { org: number }): Promise<number> {
  return refusals(ctx, async () => {
    const view = toMailboxView(await withService(ctx, opts.org, (deps) => removeMailbox(deps, CLI, opts.org, id)));
    if (opts.json) ctx.out.log(JSON.stringify(view));
    else ctx.out.log(`Removed mailbox ${view.mailbox_id} "${view.name}"; mail already ingested stays.`);
    return 0;
  });
}
