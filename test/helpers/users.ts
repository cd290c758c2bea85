/** People for tests: created as the CLI does (no HTTP route creates users yet), signed in over HTTP. */
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/db/types.js';
import { addUserToOrg, passwordHashFor } from '../../src/users/users.service.js';
import type { TestApp } from './test-app.js';

export interface SignedIn {
  userId: number;
  token: string;
  csrf: string;
  /** Headers of a same-origin dashboard request with this session (reads and writes). */
  headers: Record<string, string>;
}

export async function addUser(t: TestApp, o: { orgId: number; email: string; role: Role; password?: string; name?: string }): Promise<number> {
  const hash = o.password === undefined ? null : await passwordHashFor(o.password, o.email);
  const member = await t.db.database.db.transaction().execute((trx) =>
    addUserToOrg(trx, { actor: 'test' }, { email: o.email, name: o.name ?? o.email.split('@')[0]!, orgId: o.orgId, role: o.role, passwordHash: hash, now: t.clock.now().toISOString() }),
  );
  return member.user_id;
}

export function cookieOf(res: LightMyRequestResponse): string | undefined {
  const set = res.headers['set-cookie'];
  const line = (Array.isArray(set) ? set : [set]).find((c) => typeof c === 'string' && c.startsWith('flowledger_session='));
  return line;
}

export async function signIn(t: TestApp, email: string, password: string, extra: { org_id?: number; ip?: string } = {}): Promise<SignedIn> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
    remoteAddress: extra.ip,
    payload: { email, password, ...(extra.org_id ? { org_id: extra.org_id } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const token = /^flowledger_session=([^;]+)/.exec(cookieOf(res)!)![1]!;
  const body = res.json() as { csrf_token: string; user: { user_id: number } };
  return {
    userId: body.user.user_id,
    token,
    csrf: body.csrf_token,
    headers: { cookie: `flowledger_session=${token}`, 'sec-fetch-site': 'same-origin', 'x-csrf-token': body.csrf_token },
  };
}
