/**
 * A real OpenID provider (the `oidc-provider` package) on a loopback port, for the OIDC sign-in
 * tests: one confidential client, PKCE required, and accounts the test declares. Its login and
 * consent are driven here instead of by a person: the interaction page signs in whoever the test
 * named with `signInAs`, and the grant for the client's scopes is given at once (as a company's
 * provider does for its own first-party app), so the browser's redirect chain runs to the callback.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email: string;
  /** Absent: the claim is not sent at all (as Microsoft Entra does for work accounts). */
  email_verified?: boolean;
  /** Microsoft Entra's "email domain owner verified" optional claim. */
  xms_edov?: boolean;
  name?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Who the next login at the provider is (the interaction page signs them in); for an account
   * already known, also the claims it sends from now on.
   */
  signInAs(account: TestAccount): void;
  close(): Promise<void>;
}

export async function startOidcProvider(o: { redirectUri: string }): Promise<TestOidcProvider> {
  const clientId = 'flowledger-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map<string, TestAccount>();
  let next: TestAccount | undefined;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [o.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub', 'xms_edov'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ ...account }) };
    },
    // First-party: the client's scopes are granted without a consent screen.
    loadExistingGrant: async (ctx: { oidc: { provider: { Grant: new (a: object) => Grant }; client: { clientId: string }; session: { accountId: string } } }) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });

  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        try {
          const details = (await provider.interactionDetails(req, res)) as { prompt: { name: string } };
          if (details.prompt.name !== 'login' || !next) throw new Error(`unexpected interaction ${details.prompt.name}`);
          accounts.set(next.sub, next);
          await provider.interactionFinished(req, res, { login: { accountId: next.sub } }, { mergeWithLastSubmission: false });
        } catch (e) {
          res.statusCode = 500;
          res.end(String(e));
        }
      })();
      return;
    }
    provider.callback()(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(account) {
      next = account;
      // Claims are read at each token request: an account already signed in at the provider (its
      // session cookie skips the login page) answers with what the test declared last.
      if (accounts.has(account.sub)) accounts.set(account.sub, account);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Grant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
