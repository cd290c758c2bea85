/** A real HTTP receiver on loopback for webhook tests: records each request, checks its signature, fails on demand. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../src/outbox/webhooks/signature.js';

export interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
  signatureOk: boolean;
}

/** A real HTTP receiver on loopback that checks each request's signature with the secret it knows. */
export async function startReceiver(secret: string) {
  const hits: Hit[] = [];
  let failNext = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      hits.push({ headers: req.headers, body, signatureOk: verifySignature(body, secret, req.headers['x-flowledger-signature'] as string | undefined) });
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end('busy');
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/flowledger`,
    hits,
    failNextRequests(n: number) {
      failNext = n;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
