/**
 * A private Dovecot IMAP server for one test file: Debian's `dovecot-imapd` (installed by
 * scripts/ensure-debian-tool.sh when missing, without starting or enabling the system service),
 * run with a config of its own under a temp dir: a free loopback port, a passwd-file of throwaway
 * users, Maildirs under the temp dir, no TLS on the plain port (and, with `tls: true`, a second
 * port with a self-signed certificate), and a short IDLE notify interval so IDLE wakes quickly.
 * With `oauth2`, Dovecot's oauth2 passdb also checks XOAUTH2 logins: it asks the given
 * introspection endpoint (RFC 7662, `introspection_mode = post`) about each token and accepts it
 * only when the answer is `active: true` with `username` equal to the login. Tests deliver mail
 * with IMAP APPEND (`append()` below, logging in with the user's password), as delivery would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { waitFor } from './wait-for.js';
import { freePort } from './ports.js';

const ROOT = join(import.meta.dirname, '../..');
const ENABLED_LINK = '/etc/systemd/system/multi-user.target.wants/dovecot.service';

export interface DovecotUser {
  user: string;
  pass: string;
}

export interface Dovecot {
  host: string;
  /** The plaintext IMAP port (no TLS, no STARTTLS). */
  port: number;
  /** The implicit-TLS port (self-signed certificate), when started with `tls: true`. */
  tlsPort?: number;
  users: DovecotUser[];
  /** Delivers one raw message into `folder` (default INBOX) of `user` by IMAP APPEND; returns its UID. */
  append(user: string, raw: string | Buffer, folder?: string): Promise<number>;
  /**
   * Writes raw messages straight into the Maildir `new/` of `folder` (default INBOX) of `user`, in
   * order, owned as Dovecot's mail user: far faster than APPEND for filling a large folder (a
   * benchmark's 10,000 messages). Dovecot assigns their UIDs, in file-name (time) order, the next
   * time the folder is opened or its STATUS asked; the folder must exist (INBOX after a login).
   */
  deliverFiles(user: string, raws: Array<string | Buffer>, folder?: string): void;
  /** Creates a folder of `user` (no error when it exists). */
  createFolder(user: string, folder: string): Promise<void>;
  /** Opens a client session as `user` (the caller logs out). */
  client(user: string): Promise<ImapFlow>;
  /** The server's log so far (for failing tests). */
  log(): string;
  stop(): Promise<void>;
}

/** Installs dovecot-imapd when missing; the package's own service is never left enabled or running. */
export function ensureDovecot(): void {
  const r = spawnSync(join(ROOT, 'scripts/ensure-debian-tool.sh'), ['dovecot', 'dovecot-imapd'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dovecot is not available: ${r.stderr}`);
  // The package enables its systemd unit on install; tests start their own instance only.
  if (existsSync(ENABLED_LINK)) spawnSync('systemctl', ['disable', 'dovecot.service'], { stdio: 'ignore' });
}

/** Resolves once the port answers with an IMAP greeting. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    sock.setTimeout(1000, () => {
      sock.destroy();
      resolve(false);
    });
    sock.once('data', (b) => {
      sock.destroy();
      resolve(b.toString().startsWith('* OK'));
    });
    sock.once('error', () => resolve(false));
  });
}

function selfSignedCert(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '2', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

export interface DovecotOAuth2 {
  /** Where Dovecot checks a token (see test/helpers/oauth-provider.ts). */
  introspectionUrl: string;
  /** SASL mechanisms offered for tokens (default xoauth2 only, as Microsoft 365 offers; imapflow prefers OAUTHBEARER when offered). */
  mechanisms?: string;
}

export async function startDovecot(opts: { users?: DovecotUser[]; tls?: boolean; oauth2?: DovecotOAuth2 } = {}): Promise<Dovecot> {
  ensureDovecot();
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-dovecot-'));
  const users = opts.users ?? [{ user: 'alice', pass: 'alice-secret-1' }];
  const port = await freePort();
  const tlsPort = opts.tls ? await freePort() : undefined;
  const me = userInfo();
  for (const d of ['run', 'state', 'mail']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'passwd'), users.map((u) => `${u.user}:{PLAIN}${u.pass}::::::`).join('\n') + '\n', { mode: 0o600 });
  const oauthMechanisms = opts.oauth2 ? (opts.oauth2.mechanisms ?? 'xoauth2') : '';
  if (opts.oauth2) {
    // dovecot-oauth2.conf.ext keys (Dovecot 2.3): no tokeninfo_url, so every login is one
    // introspection POST of `token=<access token>`; `active` must be true and `username` must name
    // the user logging in (username_format %Lu lowercases both sides).
    writeFileSync(
      join(dir, 'oauth2.conf.ext'),
      [
        `introspection_mode = post`,
        `introspection_url = ${opts.oauth2.introspectionUrl}`,
        `username_attribute = username`,
        `active_attribute = active`,
        `active_value = true`,
        `timeout_msecs = 5000`,
      ].join('\n') + '\n',
      { mode: 0o600 },
    );
  }
  const tls = opts.tls ? selfSignedCert(dir) : undefined;
  // As root, Dovecot drops to its own users for login and internal processes (the package made
  // them) and refuses to access mail as uid 0: mail then belongs to `nobody`, which may traverse
  // (not list) the temp dir. Otherwise everything runs as the current user.
  const asRoot = me.uid === 0;
  const mailUid = asRoot ? 65534 : me.uid;
  const mailGid = asRoot ? 65534 : me.gid;
  if (asRoot) {
    chmodSync(dir, 0o711);
    chownSync(join(dir, 'mail'), mailUid, mailGid);
  }
  const conf = [
    `instance_name = flowledger-test-${port}`,
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    `protocols = imap`,
    `listen = 127.0.0.1`,
    asRoot ? '' : `default_internal_user = ${me.username}\ndefault_login_user = ${me.username}\ndefault_internal_group = ${me.username}`,
    `first_valid_uid = 0`,
    `auth_mechanisms = plain login${oauthMechanisms ? ` ${oauthMechanisms}` : ''}`,
    `disable_plaintext_auth = no`,
    // The harness's tests want a quick answer to a wrong password, not Dovecot's 2 s tarpit.
    `auth_failure_delay = 0`,
    tls ? `ssl = yes\nssl_cert = <${tls.cert}\nssl_key = <${tls.key}` : `ssl = no`,
    `mail_location = maildir:${dir}/mail/%u`,
    `imap_idle_notify_interval = 1 secs`,
    // Tokens go to the oauth2 passdb only, passwords to the passwd-file only.
    opts.oauth2 ? `passdb {\n  driver = oauth2\n  mechanisms = ${oauthMechanisms}\n  args = ${dir}/oauth2.conf.ext\n}` : '',
    `passdb {\n  driver = passwd-file\n${opts.oauth2 ? '  mechanisms = plain login\n' : ''}  args = scheme=PLAIN username_format=%u ${dir}/passwd\n}`,
    `userdb {\n  driver = static\n  args = uid=${mailUid} gid=${mailGid} home=${dir}/mail/%u\n}`,
    // No chroot: the instance lives in a temp dir, not in Dovecot's packaged layout.
    `service imap-login {\n  chroot =`,
    `  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }`,
    `  inet_listener imaps {\n    address = 127.0.0.1\n    port = ${tlsPort ?? 0}\n    ssl = yes\n  }`,
    `}`,
    // No auth penalty either (a wait of 2, 4, 8, then 15 s before each login from an address that
    // failed lately, enough to pass MAILBOX_CONNECT_TIMEOUT): tests fail logins on purpose. Without
    // this socket the auth process skips the penalty.
    `service anvil {\n  chroot =\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}`,
    // The passwd-file sits in a private (0700) temp dir: the auth process reads it as the owner.
    asRoot ? `service auth {\n  user = root\n}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const confPath = join(dir, 'dovecot.conf');
  writeFileSync(confPath, conf + '\n');
  const log = () => (existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '');
  // The master daemonises: its stdio must not be our pipes, or spawnSync waits for it to exit.
  const started = spawnSync('dovecot', ['-c', confPath], { stdio: ['ignore', 'ignore', 'ignore'] });
  if (started.status !== 0) throw new Error(`dovecot did not start (exit ${started.status}; check with dovecot -n -c ${confPath})\n${log()}`);
  try {
    await waitFor(() => greets(port), { timeoutMs: 20_000, intervalMs: 50, what: `dovecot on port ${port}` });
  } catch (err) {
    spawnSync('dovecot', ['-c', confPath, 'stop'], { stdio: 'ignore' });
    throw new Error(`${(err as Error).message}\n${log()}`);
  }

  const client = async (user: string) => {
    const u = users.find((x) => x.user === user);
    if (!u) throw new Error(`no such test user ${user}`);
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user: u.user, pass: u.pass }, logger: false });
    await c.connect();
    return c;
  };
  const withClient = async <T>(user: string, fn: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = await client(user);
    try {
      return await fn(c);
    } finally {
      await c.logout().catch(() => c.close());
    }
  };

  return {
    host: '127.0.0.1',
    port,
    ...(tlsPort ? { tlsPort } : {}),
    users,
    client,
    log,
    append: (user, raw, folder = 'INBOX') =>
      withClient(user, async (c) => {
        const r = await c.append(folder, raw);
        if (!r || r.uid === undefined) throw new Error(`APPEND to ${folder} returned no UID`);
        return r.uid;
      }),
    deliverFiles(user, raws, folder = 'INBOX') {
      // Maildir++: INBOX is the user's root, other folders are `.<name>` below it.
      const newDir = join(dir, 'mail', user, folder === 'INBOX' ? '' : `.${folder}`, 'new');
      if (!existsSync(newDir)) throw new Error(`no Maildir for ${user}/${folder} at ${newDir} (log in or createFolder first)`);
      const base = Math.floor(Date.now() / 1000) - raws.length;
      raws.forEach((raw, i) => {
        // <seconds>.<unique>.<host>: Dovecot orders new mail by the time prefix.
        const file = join(newDir, `${base + i}.M${i}P${process.pid}.flowledger-test`);
        writeFileSync(file, raw);
        if (asRoot) chownSync(file, mailUid, mailGid);
      });
    },
    createFolder: (user, folder) =>
      withClient(user, async (c) => {
        await c.mailboxCreate(folder).catch((e: { serverResponseCode?: string }) => {
          if (e.serverResponseCode !== 'ALREADYEXISTS') throw e;
        });
      }),
    async stop() {
      spawnSync('dovecot', ['-c', confPath, 'stop'], { stdio: 'ignore' });
      // The master removes its pid file once its children are gone.
      await waitFor(() => !existsSync(join(dir, 'run', 'master.pid')), { timeoutMs: 20_000, what: 'dovecot to stop' }).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
