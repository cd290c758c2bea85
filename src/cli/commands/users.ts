/**
 * `flowledger users create|list|deactivate|invite`: people for scripted installs, through the same service
 * as the admin API (users.service.ts): the same password policy, the same audit record (actor
 * `cli`). A password is read from an environment variable named on the command line, so it never
 * lands in shell history or the process list, and is never printed. `invite` prints the one-time
 * link (for the operator to pass on) rather than mailing it.
 */
import { Option, type Command } from 'commander';
import { ROLES } from '../../auth/api-keys.repository.js';
import { loadConfig } from '../../config/config.js';
import { getOrg } from '../../auth/orgs.repository.js';
import type { Role } from '../../db/types.js';
import { AppError } from '../../shared/errors.js';
import { findUserByEmail, listMembers, normalizeEmail } from '../../users/users.repository.js';
import { createInvitationIn, inviteLink } from '../../users/invitations.service.js';
import { addUserToOrg, deactivateUser, passwordHashFor } from '../../users/users.service.js';
import { UsageError, examples, positiveInt, withDb, type CliContext, type JsonOption } from '../cli-kit.js';

const CLI = { actor: 'cli' };
const now = () => new Date().toISOString();

interface CreateOptions extends JsonOption {
  email: string;
  name: string;
  org: number;
  role: Role;
  passwordEnv?: string;
}

export function usersCommand(program: Command, ctx: CliContext): void {
  const users = program.command('users').description('People who sign in to the dashboard: create (or add to an organisation), list, deactivate.');
  users
    .command('create')
    .description('Create a person with a role in an organisation (or add an existing one to it). Without --password-env they cannot sign in until a password is set.')
    .requiredOption('--email <email>', 'their email (the sign-in name; case does not matter)')
    .requiredOption('--name <name>', 'their name as shown')
    .requiredOption('--org <id>', 'organisation id', positiveInt())
    .addOption(new Option('--role <role>', 'what they may do in the organisation').choices(ROLES).makeOptionMandatory())
    .option('--password-env <VAR>', 'the environment variable that holds their password (10 to 1024 characters)')
    .option('--json', 'print the member as JSON')
    .addHelpText('after', examples('ADA_PASSWORD=… flowledger users create --email ada@example.com --name Ada --org 1 --role admin --password-env ADA_PASSWORD'))
    .action(ctx.run((opts: CreateOptions) => create(ctx, opts)));
  users
    .command('list')
    .description("List an organisation's members (never a password).")
    .requiredOption('--org <id>', 'organisation id', positiveInt())
    .option('--json', 'print JSON')
    .addHelpText('after', examples('flowledger users list --org 1'))
    .action(ctx.run((opts: JsonOption & { org: number }) => list(ctx, opts)));
  users
    .command('deactivate')
    .description('Deactivate a person in every organisation: their sessions end at once and they cannot sign in.')
    .option('--email <email>', 'their email')
    .option('--id <user-id>', 'their user id', positiveInt())
    .option('--json', 'print {"user_id", "status"}')
    .addHelpText('after', examples('flowledger users deactivate --email ada@example.com', 'flowledger users deactivate --id 7'))
    .action(ctx.run((opts: JsonOption & { email?: string; id?: number }) => deactivate(ctx, opts)));
  users
    .command('invite')
    .description('Invite a person to an organisation: prints a one-time link (valid INVITE_TTL) with which they set their name and password and join.')
    .requiredOption('--email <email>', 'their email')
    .requiredOption('--org <id>', 'organisation id', positiveInt())
    .addOption(new Option('--role <role>', 'what they may do in the organisation').choices(ROLES).makeOptionMandatory())
    .option('--json', 'print {"invitation_id", "link", "expires_at", …}')
    .addHelpText('after', examples('flowledger users invite --email ada@example.com --org 1 --role member'))
    .action(ctx.run((opts: JsonOption & { email: string; org: number; role: Role }) => invite(ctx, opts)));
}

async function invite(ctx: CliContext, opts: JsonOption & { email: string; org: number; role: Role }): Promise<number> {
  const email = normalizeEmail(opts.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError(`--email: "${opts.email}" is not an email address`);
  const config = loadConfig(ctx.env);
  let created;
  try {
    created = await withDb(async (d) => {
      if (!(await getOrg(d.db, opts.org))) throw new UsageError(`--org: organisation ${opts.org} does not exist`);
      return d.db.transaction().execute((trx) => createInvitationIn(trx, { config, secrets: NO_SEAL }, CLI, { orgId: opts.org, email, role: opts.role, now: new Date(), mail: false }));
    }, ctx.env);
  } catch (err) {
    if (err instanceof AppError && err.code === 'conflict') {
      ctx.out.err(`${err.message}.`);
      return 1;
    }
    throw err;
  }
  // Without PUBLIC_URL the link names this machine's port; the operator may have to change the host.
  const link = inviteLink(config.publicOrigin ?? `http://localhost:${config.port}`, created.token);
  if (opts.json) ctx.out.log(JSON.stringify({ ...created.invitation, link }));
  else {
    ctx.out.log(`Invited ${email} as ${opts.role} of organisation ${opts.org}. Send them this one-time link (it works until ${created.invitation.expires_at}):`);
    ctx.out.log(link);
    if (!config.publicOrigin) ctx.out.err('PUBLIC_URL is not set: the link points at localhost; replace the address with the one people reach.');
  }
  return 0;
}

/** The CLI mails nothing, so it seals nothing. */
const NO_SEAL = {
  seal(): never {
    throw new Error('the CLI does not mail invitations');
  },
};

async function create(ctx: CliContext, opts: CreateOptions): Promise<number> {
  const email = normalizeEmail(opts.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError(`--email: "${opts.email}" is not an email address`);
  if (opts.name.trim() === '') throw new UsageError('--name: must not be empty');
  let passwordHash: string | null = null;
  if (opts.passwordEnv !== undefined) {
    const password = ctx.env[opts.passwordEnv];
    if (!password) throw new UsageError(`--password-env: the environment variable ${opts.passwordEnv} is not set or empty`);
    try {
      passwordHash = await passwordHashFor(password, email);
    } catch (err) {
      if (err instanceof AppError) throw new UsageError(`--password-env: ${err.message}`);
      throw err;
    }
  }
  let member;
  try {
    member = await withDb(async (d) => {
      if (!(await getOrg(d.db, opts.org))) throw new UsageError(`--org: organisation ${opts.org} does not exist`);
      return d.db.transaction().execute((trx) => addUserToOrg(trx, CLI, { email, name: opts.name.trim(), orgId: opts.org, role: opts.role, passwordHash, now: now() }));
    }, ctx.env);
  } catch (err) {
    if (err instanceof AppError && err.code === 'conflict') {
      ctx.out.err(`${err.message}.`);
      return 1;
    }
    throw err;
  }
  if (opts.json) ctx.out.log(JSON.stringify(member));
  else {
    ctx.out.log(`${member.email} (user ${member.user_id}) is ${member.role} of organisation ${member.org_id}.`);
    if (!member.has_password) ctx.out.log('They have no password yet: set one with --password-env, or send them an invitation.');
  }
  return 0;
}

async function list(ctx: CliContext, opts: JsonOption & { org: number }): Promise<number> {
  const members = await withDb((d) => listMembers(d.db, opts.org), ctx.env);
  if (opts.json) ctx.out.log(JSON.stringify(members));
  else if (members.length === 0) ctx.out.log(`No members in organisation ${opts.org}.`);
  else for (const m of members) ctx.out.log(`${m.user_id}\t${m.role}\t${m.status}\t${m.email}\t${m.name}${m.has_password ? '' : '\t(no password)'}`);
  return 0;
}

async function deactivate(ctx: CliContext, opts: JsonOption & { email?: string; id?: number }): Promise<number> {
  if ((opts.email === undefined) === (opts.id === undefined)) throw new UsageError('Give either --email or --id');
  const userId = await withDb(async (d) => {
    const id = opts.id ?? (await findUserByEmail(d.db, opts.email!))?.user_id;
    if (id === undefined) return undefined;
    const found = await d.db.transaction().execute((trx) => deactivateUser(trx, CLI, id, now()));
    return found ? id : undefined;
  }, ctx.env);
  if (userId === undefined) {
    ctx.out.err(`No user ${opts.email ?? opts.id}.`);
    return 1;
  }
  if (opts.json) ctx.out.log(JSON.stringify({ user_id: userId, status: 'deactivated' }));
  else ctx.out.log(`Deactivated user ${userId}: their sessions have ended.`);
  return 0;
}
