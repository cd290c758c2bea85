import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, declaredCrossSite, notSameOrigin, sessionCookie, sessionTokenOf } from './session-cookie.js';

const TOKEN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
const OWN = 'https://flow.example.com';

describe('the session cookie', () => {
  it('is read from a Cookie header among others, and only when it looks like one of our tokens', () => {
    expect(sessionTokenOf(`theme=dark; flowledger_session=${TOKEN}; x=1`)).toBe(TOKEN);
    expect(sessionTokenOf(`flowledger_session_old=${TOKEN}`)).toBeUndefined();
    expect(sessionTokenOf('flowledger_session=short')).toBeUndefined();
    expect(sessionTokenOf(`flowledger_session=${TOKEN}%00`)).toBeUndefined();
    expect(sessionTokenOf(undefined)).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Lax, Path=/, Secure only when asked; cleared with Max-Age=0', () => {
    expect(sessionCookie(TOKEN, { secure: false, maxAgeMs: 3_600_000 })).toBe(`flowledger_session=${TOKEN}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600`);
    expect(sessionCookie(TOKEN, { secure: true, maxAgeMs: 1000 })).toMatch(/; Secure$/);
    expect(clearedSessionCookie({ secure: false })).toBe('flowledger_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
  });
});

describe('same-origin checks', () => {
  it('lets cookie writes through only when Fetch Metadata says same-origin, or without it, an Origin of ours', () => {
    expect(notSameOrigin({ secFetchSite: 'same-origin', origin: undefined }, OWN)).toBeUndefined();
    expect(notSameOrigin({ secFetchSite: undefined, origin: 'https://flow.example.com' }, OWN)).toBeUndefined();
    expect(notSameOrigin({ secFetchSite: undefined, origin: 'https://FLOW.example.com:443' }, OWN)).toBeUndefined();
    // Fetch Metadata decides when present, whatever Origin says.
    expect(notSameOrigin({ secFetchSite: 'same-site', origin: OWN }, OWN)).toMatch(/same-site/);
    expect(notSameOrigin({ secFetchSite: 'cross-site', origin: OWN }, OWN)).toMatch(/cross-site/);
    expect(notSameOrigin({ secFetchSite: 'none', origin: undefined }, OWN)).toMatch(/none/);
    expect(notSameOrigin({ secFetchSite: undefined, origin: 'http://flow.example.com' }, OWN)).toMatch(/not this site/);
    expect(notSameOrigin({ secFetchSite: undefined, origin: 'null' }, OWN)).toMatch(/not this site/);
    expect(notSameOrigin({ secFetchSite: undefined, origin: undefined }, OWN)).toMatch(/need an Origin/);
  });

  it('refuses a sign-in only when the browser marks it cross-site; programs send neither header', () => {
    expect(declaredCrossSite({ secFetchSite: undefined, origin: undefined }, OWN)).toBeUndefined();
    expect(declaredCrossSite({ secFetchSite: 'same-origin', origin: OWN }, OWN)).toBeUndefined();
    expect(declaredCrossSite({ secFetchSite: 'none', origin: undefined }, OWN)).toBeUndefined();
    expect(declaredCrossSite({ secFetchSite: 'cross-site', origin: undefined }, OWN)).toMatch(/cross-site/);
    expect(declaredCrossSite({ secFetchSite: undefined, origin: 'https://evil.example' }, OWN)).toMatch(/not this site/);
  });
});
