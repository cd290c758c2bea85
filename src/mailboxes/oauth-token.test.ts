import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailboxConnectError } from './mailbox-connect-error.js';
import { checkTokenUrl, parseOAuthSecret, refreshAccessToken, serializeOAuthSecret } from './oauth-token.js';

describe('the sealed XOAUTH2 document', () => {
  it('reads a value from before the document as a bare access token, and round-trips a document', () => {
    expect(parseOAuthSecret('ya29.a0AfH6SMB-legacy')).toEqual({ access_token: 'ya29.a0AfH6SMB-legacy' });
    expect(parseOAuthSecret('{not json')).toEqual({ access_token: '{not json' });
    expect(parseOAuthSecret('{"unknown":"x"}')).toEqual({ access_token: '{"unknown":"x"}' });
    const doc = { refresh_token: 'r', access_token: 'a', access_expires_at: '2026-03-09T09:00:00.000Z', client_secret: 'c' };
    expect(parseOAuthSecret(serializeOAuthSecret(doc))).toEqual(doc);
    expect(serializeOAuthSecret({ client_secret: 'c', refresh_token: 'r' })).toBe(serializeOAuthSecret({ refresh_token: 'r', client_secret: 'c' }));
  });
});

describe('the token endpoint policy', () => {
  const refused = async (url: string, allowPrivate: boolean) => {
    try {
      await checkTokenUrl(url, allowPrivate);
      return undefined;
    } catch (err) {
      return (err as MailboxConnectError).message;
    }
  };
  it('wants https, allows http only to a private address where private networks are allowed, and no credentials in the URL', async () => {
    expect(await refused('https://127.0.0.1/token', true)).toBeUndefined();
    expect(await refused('http://127.0.0.1/token', true)).toBeUndefined();
    expect(await refused('http://[::1]:8080/token', true)).toBeUndefined();
    expect(await refused('https://127.0.0.1/token', false)).toMatch(/resolves to a loopback\/private address \(127\.0\.0\.1\); set MAILBOX_ALLOW_PRIVATE_NETWORKS=true/);
    expect(await refused('http://127.0.0.1/token', false)).toBe('token endpoint must use https');
    expect(await refused('http://93.184.215.14/token', true)).toMatch(/^token endpoint must use https \(http only to a loopback\/private address/);
    expect(await refused('ftp://93.184.215.14/token', true)).toBe('token endpoint must use https');
    expect(await refused('https://id:secret@93.184.215.14/token', false)).toMatch(/must not carry credentials/);
  });
});

describe('the refresh_token grant', () => {
  let server: Server;
  let base: string;
  let answer: (form: URLSearchParams) => { status: number; body: string; headers?: Record<string, string> } | 'hang';
  const seen: URLSearchParams[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        seen.push(form);
        const a = answer(form);
        if (a === 'hang') return;
        res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
        res.end(a.body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const now = new Date('2026-03-09T09:00:00Z');
  const refresh = (clientSecret?: string, timeoutMs = 5000) =>
    refreshAccessToken(`${base}/token`, { refreshToken: 'rt-the-refresh-token', clientId: 'client-1', ...(clientSecret ? { clientSecret } : {}) }, { timeoutMs, allowPrivate: true, now });
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      expect(err).toBeInstanceOf(MailboxConnectError);
      return { kind: (err as MailboxConnectError).kind, message: (err as MailboxConnectError).message };
    }
    throw new Error('expected a refusal');
  };

  it('posts the form (client_secret_post) and reads the tokens, expires_in as a number or a string', async () => {
    answer = () => ({ status: 200, body: JSON.stringify({ access_token: 'at-1', token_type: 'Bearer', expires_in: '3599', refresh_token: 'rt-2' }) });
    expect(await refresh('cs-1')).toEqual({ accessToken: 'at-1', expiresAt: '2026-03-09T09:59:59.000Z', refreshToken: 'rt-2' });
    expect(Object.fromEntries(seen.at(-1)!)).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-the-refresh-token', client_id: 'client-1', client_secret: 'cs-1' });
    answer = () => ({ status: 200, body: JSON.stringify({ access_token: 'at-2' }) });
    expect(await refresh()).toEqual({ accessToken: 'at-2' });
    expect([...seen.at(-1)!.keys()]).toEqual(['grant_type', 'refresh_token', 'client_id']);
  });

  it('names the host and the OAuth error of a refusal, never a value it sent', async () => {
    answer = (f) => ({ status: 400, body: JSON.stringify({ error: 'invalid_grant', error_description: `Token ${f.get('refresh_token')} for ${f.get('client_secret')} has expired\r\n` }) });
    const r = await failure(refresh('cs-secret-value'));
    expect(r.kind).toBe('auth');
    expect(r.message).toBe(`token refresh refused by ${new URL(base).host}: invalid_grant: Token *** for *** has expired`);
  });

  it('reports an answer that is not an OAuth one, a redirect, a non-bearer token and a silent endpoint', async () => {
    answer = () => ({ status: 503, body: '<html>busy</html>' });
    expect(await failure(refresh())).toEqual({ kind: 'protocol', message: `token endpoint ${new URL(base).host} answered HTTP 503` });
    answer = () => ({ status: 302, body: '', headers: { location: 'http://169.254.169.254/' } });
    expect(await failure(refresh())).toMatchObject({ kind: 'protocol', message: expect.stringContaining('answered HTTP 302') });
    answer = () => ({ status: 200, body: JSON.stringify({ token_type: 'Bearer' }) });
    expect(await failure(refresh())).toMatchObject({ kind: 'protocol', message: expect.stringContaining('without a usable access_token') });
    answer = () => ({ status: 200, body: JSON.stringify({ access_token: 'at', token_type: 'mac' }) });
    expect(await failure(refresh())).toMatchObject({ kind: 'protocol', message: expect.stringContaining('a mac token, not a bearer token') });
    answer = () => 'hang';
    expect(await failure(refresh(undefined, 200))).toEqual({ kind: 'timeout', message: `no answer from token endpoint ${new URL(base).host} within 0.2 s` });
  });
});
