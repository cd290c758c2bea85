import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on right now, for a server whose address must be known before it
 * starts (a PUBLIC_URL naming the page's own origin, a provider's redirect URI, Dovecot's config).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
