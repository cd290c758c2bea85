import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { acceptsGzip, gzipOnce, varyOnAcceptEncoding } from './stored-body.js';

describe('acceptsGzip (Accept-Encoding, RFC 9110 §12.5.3)', () => {
  it.each([
    ['gzip, deflate', true], // fetch / undici
    ['gzip, deflate, br, zstd', true], // browsers
    ['GZIP', true],
    ['x-gzip', true],
    ['deflate, gzip;q=0.5', true],
    ['br;q=1.0, gzip ; q=0.8, *;q=0.1', true],
    ['*', true],
    ['identity, *;q=0.2', true],
  ])('%j allows gzip', (header, expected) => expect(acceptsGzip(header)).toBe(expected));

  it.each([
    [undefined, false],
    ['', false],
    ['identity', false],
    ['deflate, br', false],
    ['gzip;q=0', false],
    ['gzip;q=0.000', false],
    ['*;q=0', false],
    ['gzip;q=0, *', false], // listed with q=0 wins over the wildcard
    ['gzip;q=abc', false],
    ['gzipx, br', false],
  ])('%j does not allow gzip', (header, expected) => expect(acceptsGzip(header)).toBe(expected));

  it('reads a header repeated on several lines as one list', () => {
    expect(acceptsGzip(['br', 'gzip'])).toBe(true);
  });
});

describe('gzipOnce', () => {
  it('compresses each stored body once: concurrent and later callers get the same bytes', async () => {
    const body = Buffer.from(JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ id: i, title: `Task ${i}` })) }));
    const [a, b] = await Promise.all([gzipOnce(body), gzipOnce(body)]);
    expect(a).toBe(b);
    const later = gzipOnce(body);
    expect(later).toBe(a); // a Buffer now, not a promise: no await on the hot path
    expect(gunzipSync(a).equals(body)).toBe(true);
    expect(a.length).toBeLessThan(body.length / 4);
  });
});

describe('varyOnAcceptEncoding', () => {
  it('adds Accept-Encoding to a Vary header, keeping what is there, once', async () => {
    const app = Fastify();
    app.get('/', (request, reply) => {
      const given = (request.query as { vary?: string }).vary;
      if (given) void reply.header('vary', given);
      varyOnAcceptEncoding(varyOnAcceptEncoding(reply));
      return reply.send('ok');
    });
    const vary = async (given?: string) => (await app.inject({ method: 'GET', url: given ? `/?vary=${encodeURIComponent(given)}` : '/' })).headers.vary;
    expect(await vary()).toBe('Accept-Encoding');
    expect(await vary('Origin')).toBe('Origin, Accept-Encoding');
    expect(await vary('origin, accept-encoding')).toBe('origin, accept-encoding');
    expect(await vary('*')).toBe('*');
    await app.close();
  });
});
