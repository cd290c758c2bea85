/**
 * The dashboard's WebSocket with the session cookie (#19): taken only from the dashboard's own
 * origin, receiving only the session's org, and closed once the session ends — signed out,
 * the person deactivated or removed from the org — as a revoked key's socket is.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { realtimeServices } from '../src/app/realtime-services.js';
import type { Service } from '../src/shared/lifecycle.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser, signIn, type SignedIn } from './helpers/users.js';
import { openSocket, type TestSocket } from './helpers/ws-client.js';

const PASSWORD = 'a long and unusual passphrase';

describeEachEngine('the WebSocket with a session cookie', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let wsUrl: string;
  let origin: string;
  let services: Service[];
  let ada: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { WS_AUTH_TIMEOUT: '300ms', WS_HEARTBEAT_INTERVAL: '1s' } });
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
    await addUser(t, { orgId: a.orgId, email: 'ada@acme.example', role: 'admin', password: PASSWORD });
    services = realtimeServices(t.deps).services;
    for (const s of services) await s.start();
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = new URL(base).origin;
    wsUrl = `${base.replace('http', 'ws')}/ws`;
    ada = await signIn(t, 'ada@acme.example', PASSWORD);
  });
  afterAll(async () => {
    for (const s of [...(services ?? [])].reverse()) await s.stop();
    await t?.close();
  });

  const withCookie = (s: SignedIn, from = origin): TestSocket => openSocket(wsUrl, { headers: { cookie: s.headers.cookie!, origin: from } });

  async function ready(s: TestSocket) {
    return (await s.next((f) => f.event === 'system:ready')).data;
  }

  it("accepts the cookie from the dashboard's own origin, in the session's org and role", async () => {
    const s = withCookie(ada);
    expect(await ready(s)).toMatchObject({ org_id: a.orgId, role: 'admin' });
    await s.close();
  });

  it('ignores the cookie from another origin or without one: no authentication, 4401', async () => {
    for (const from of ['https://evil.example', undefined]) {
      const s = openSocket(wsUrl, { headers: { cookie: ada.headers.cookie!, ...(from ? { origin: from } : {}) } });
      expect((await s.closed).code).toBe(4401);
      expect(s.frames.some((f) => f.event === 'system:ready')).toBe(false);
    }
  });

  it('closes with 4403 the sockets of a session that signs out', async () => {
    await addUser(t, { orgId: a.orgId, email: 'sam@acme.example', role: 'viewer', password: PASSWORD });
    const sam = await signIn(t, 'sam@acme.example', PASSWORD);
    const s = withCookie(sam);
    await ready(s);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: sam.headers })).statusCode).toBe(204);
    expect(await s.closed).toEqual({ code: 4403, reason: 'Your session has ended; sign in again' });
  });

  it("closes with 4403 a deactivated person's sockets, and a removed member's", async () => {
    const zed = await addUser(t, { orgId: a.orgId, email: 'zed@acme.example', role: 'member', password: PASSWORD });
    const kim = await addUser(t, { orgId: a.orgId, email: 'kim@acme.example', role: 'member', password: PASSWORD });
    const zedSocket = withCookie(await signIn(t, 'zed@acme.example', PASSWORD));
    const kimSocket = withCookie(await signIn(t, 'kim@acme.example', PASSWORD));
    const keySocket = openSocket(wsUrl, { headers: { authorization: `Bearer ${a.viewer}` } });
    await Promise.all([ready(zedSocket), ready(kimSocket), ready(keySocket)]);

    const off = await t.app.inject({ method: 'PATCH', url: `/api/users/${zed}`, headers: ada.headers, payload: { status: 'deactivated' } });
    expect(off.statusCode).toBe(200);
    const out = await t.app.inject({ method: 'DELETE', url: `/api/users/${kim}/membership`, headers: ada.headers });
    expect(out.statusCode).toBe(200);
    expect(await zedSocket.closed).toEqual({ code: 4403, reason: 'Your session has ended; sign in again' });
    expect(await kimSocket.closed).toEqual({ code: 4403, reason: 'Your session has ended; sign in again' });
    // Others stay connected through the same heartbeats.
    expect(keySocket.ws.readyState).toBe(keySocket.ws.OPEN);
    await keySocket.close();
  });

  it('asks a socket to reconnect (1012) when its session switches org', async () => {
    await addUser(t, { orgId: b.orgId, email: 'ada@acme.example', role: 'viewer' });
    const s = withCookie(ada);
    await ready(s);
    const switched = await t.app.inject({ method: 'POST', url: '/api/auth/session/org', headers: ada.headers, payload: { org_id: b.orgId } });
    expect(switched.statusCode).toBe(200);
    expect((await s.closed).code).toBe(1012);
    const again = withCookie(ada);
    expect(await ready(again)).toMatchObject({ org_id: b.orgId, role: 'viewer' });
    await again.close();
  });
});
