/**
 * A small OAuth 2.0 authorization server for the XOAUTH2 tests, on a loopback HTTP port, with the
 * two endpoints a mailbox needs:
 * - `POST /token`: the refresh_token grant (RFC 6749 §6) as FlowLedger calls it, client_secret_post:
 *   checks client_id, client_secret and the refresh token, issues a short-lived random access token,
 *   and (with `rotate`) a new refresh token that replaces the one used, as Microsoft does;
 * - `POST /introspect`: token introspection (RFC 7662) as Dovecot's oauth2 passdb calls it
 *   (`introspection_mode = post`): `{active: true, username}` only for an access token that is
 *   issued, unexpired and not revoked, `{active: false}` otherwise.
 * Tests steer it (revoke, rotate, expiry) and read what it saw (grants, the form fields FlowLedger
 * sent).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface OAuthProvider {
  /** The token endpoint URL (what a mailbox's oauth_token_url is). */
  tokenUrl: string;
  /** The introspection URL Dovecot calls. */
  introspectionUrl: string;
  clientId: string;
  clientSecret: string;
  /** A new refresh token for `user` (the IMAP login name). */
  issueRefreshToken(user: string): string;
  /** A valid access token for `user` without a refresh (a bare token, as an admin would paste it). */
  issueAccessToken(user: string, ttlSeconds?: number): string;
  /** Every access token issued so far stops being valid (the server says inactive). */
  revokeAccessTokens(): void;
  revokeRefreshToken(token: string): void;
  /** With rotation, every refresh answer carries a new refresh token and the old one stops working. */
  rotate: boolean;
  /** expires_in of the access tokens the token endpoint issues. */
  expiresIn: number;
  /** Runs before the token endpoint answers (a test's change "during" a refresh). */
  beforeTokenAnswer: (() => Promise<void>) | undefined;
  /** Successful refresh grants so far, and refused token requests. */
  readonly grants: number;
  readonly refusals: number;
  /** The form fields of every token request (for checking how FlowLedger called). */
  readonly requests: Array<Record<string, string>>;
  /** Introspection calls so far (Dovecot checking a login). */
  readonly introspections: number;
  /** Every token it ever issued (refresh and access), and the client secret: what must never leak. */
  readonly issued: string[];
  close(): Promise<void>;
}

function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))));
    req.on('error', reject);
  });
}

export async function startOAuthProvider(o: { clientId?: string; clientSecret?: string } = {}): Promise<OAuthProvider> {
  const clientId = o.clientId ?? 'flowledger-test-client';
  const clientSecret = o.clientSecret ?? `client-secret-${randomBytes(6).toString('hex')}`;
  const refreshTokens = new Map<string, string>(); // token -> user
  const accessTokens = new Map<string, { user: string; expiresAt: number }>();
  const state = { rotate: false, expiresIn: 3600, grants: 0, refusals: 0, introspections: 0, beforeTokenAnswer: undefined as (() => Promise<void>) | undefined };
  const requests: Array<Record<string, string>> = [];
  const issued: string[] = [clientSecret];
  const token = (prefix: string) => {
    const t = `${prefix}-${randomBytes(18).toString('base64url')}`;
    issued.push(t);
    return t;
  };

  const issueAccess = (user: string, ttl: number) => {
    const t = token('at');
    accessTokens.set(t, { user, expiresAt: Date.now() + ttl * 1000 });
    return t;
  };

  const server: Server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    void readForm(req).then(
      async (form) => {
        if (req.method === 'POST' && req.url === '/introspect') {
          state.introspections += 1;
          const a = accessTokens.get(form.token ?? '');
          if (!a || a.expiresAt <= Date.now()) return answer(200, { active: false });
          return answer(200, { active: true, username: a.user, client_id: clientId, exp: Math.floor(a.expiresAt / 1000) });
        }
        if (req.method === 'POST' && req.url === '/token') {
          requests.push(form);
          await state.beforeTokenAnswer?.();
          const refuse = (status: number, error: string, description: string) => {
            state.refusals += 1;
            answer(status, { error, error_description: description });
          };
          if (form.grant_type !== 'refresh_token') return refuse(400, 'unsupported_grant_type', 'only refresh_token is supported here');
          if (form.client_id !== clientId || form.client_secret !== clientSecret) return refuse(401, 'invalid_client', 'client authentication failed');
          const user = refreshTokens.get(form.refresh_token ?? '');
          if (!user) return refuse(400, 'invalid_grant', 'the refresh token is invalid, expired or revoked');
          state.grants += 1;
          const next: Record<string, unknown> = { access_token: issueAccess(user, state.expiresIn), token_type: 'Bearer', expires_in: state.expiresIn };
          if (state.rotate) {
            refreshTokens.delete(form.refresh_token!);
            const r = token('rt');
            refreshTokens.set(r, user);
            next.refresh_token = r;
          }
          return answer(200, next);
        }
        answer(404, { error: 'not_found' });
      },
      () => answer(400, { error: 'invalid_request' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;

  return {
    tokenUrl: `${base}/token`,
    introspectionUrl: `${base}/introspect`,
    clientId,
    clientSecret,
    issueRefreshToken(user) {
      const t = token('rt');
      refreshTokens.set(t, user);
      return t;
    },
    issueAccessToken: (user, ttl = 3600) => issueAccess(user, ttl),
    revokeAccessTokens: () => accessTokens.clear(),
    revokeRefreshToken: (t) => void refreshTokens.delete(t),
    get rotate() {
      return state.rotate;
    },
    set rotate(v) {
      state.rotate = v;
    },
    get beforeTokenAnswer() {
      return state.beforeTokenAnswer;
    },
    set beforeTokenAnswer(f) {
      state.beforeTokenAnswer = f;
    },
    get expiresIn() {
      return state.expiresIn;
    },
    set expiresIn(v) {
      state.expiresIn = v;
    },
    get grants() {
      return state.grants;
    },
    get refusals() {
      return state.refusals;
    },
    get introspections() {
      return state.introspections;
    },
    requests,
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        // Dovecot's HTTP client keeps its connection open: close would wait for it.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
