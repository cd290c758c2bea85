/**
 * Sending the stored bytes of a cached answer (src/answer-cache/answer-cache.ts), gzip-compressed when the
 * client accepts it.
 *
 * A task-list page is ~40 kB of JSON; measured on this machine with 20 clients, writing it to the
 * socket was the largest single cost of a reused answer (~¼ of the server's busy time) and the
 * body size alone moved p99 (8.3 ms at 42 kB vs 5.5 ms at 5 kB, same CPU per request). The stored
 * bytes are compressed at most once per body (REST, tRPC envelope) — in the libuv thread pool, off the event loop,
 * shared by concurrent requests — so every reuse sends a few kB instead. Only stored answers are
 * compressed: a body sent once would pay the compression for nothing. Bodies under 1 kB are sent
 * as they are.
 *
 * Clients that ask for it: `fetch` (so @trpc/client) and every browser send
 * `Accept-Encoding: gzip, …` and decompress transparently; curl without --compressed, and anything
 * that sends no Accept-Encoding, gets the identity body. `Vary: Accept-Encoding` is always set.
 */
import { promisify } from 'node:util';
import { gzip as gzipCallback, constants } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzip = promisify(gzipCallback);
const MIN_BYTES = 1024;

/**
 * Whether an Accept-Encoding header (RFC 9110 §12.5.3) allows gzip: `gzip` (or `x-gzip`) listed with
 * q > 0, or not listed and `*` with q > 0. A missing or empty header allows only identity.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text.length === 0) return false;
  let star: number | undefined;
  for (const part of text.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (name === '') continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*(.*?)\s*$/i.exec(p);
      // A malformed weight counts as 0: identity is always a safe answer.
      if (m) q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(m[1]!) ? Number(m[1]) : 0;
    }
    if (name === 'gzip' || name === 'x-gzip') return q > 0;
    if (name === '*') star = q;
  }
  return star !== undefined && star > 0;
}

/** Adds Accept-Encoding to the reply's Vary header, keeping what is there (CORS adds Origin). */
export function varyOnAcceptEncoding(reply: FastifyReply): FastifyReply {
  const current = reply.getHeader('vary');
  const list = current === undefined ? '' : Array.isArray(current) ? current.join(', ') : String(current);
  if (list.split(',').some((v) => v.trim().toLowerCase() === 'accept-encoding' || v.trim() === '*')) return reply;
  return reply.header('vary', list ? `${list}, Accept-Encoding` : 'Accept-Encoding');
}

const compressed = new WeakMap<Buffer, Buffer | Promise<Buffer>>();

/** The gzip form of stored bytes, computed once per Buffer (concurrent callers share the work). */
export function gzipOnce(body: Buffer): Buffer | Promise<Buffer> {
  const known = compressed.get(body);
  if (known) return known;
  const pending = gzip(body, { level: constants.Z_DEFAULT_COMPRESSION }).then(
    (out) => {
      compressed.set(body, out);
      return out;
    },
    (err: unknown) => {
      compressed.delete(body);
      throw err;
    },
  );
  compressed.set(body, pending);
  return pending;
}

/**
 * Sends a stored answer's bytes with the given content type: gzip when the request accepts it and
 * the body is worth compressing, identity otherwise.
 */
export async function sendStoredBody(request: FastifyRequest, reply: FastifyReply, body: Buffer, contentType: string): Promise<FastifyReply> {
  varyOnAcceptEncoding(reply).type(contentType);
  if (body.length >= MIN_BYTES && acceptsGzip(request.headers['accept-encoding'])) {
    const once = gzipOnce(body);
    const gz = 'then' in once ? await once.catch(() => undefined) : once;
    if (gz) return reply.header('content-encoding', 'gzip').send(gz);
  }
  return reply.send(body);
}
