import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../shared/logger.js';

/** src/http and dist/http both sit two levels below the package root. */
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Paths that belong to the API and the server, never to the dashboard's client-side routes. */
const SERVER_PATHS = /^\/(api|ws|docs|metrics|health|ready)(\/|$)/;

export interface WebApp {
  /** Answers a dashboard deep link (`/tasks/TASK-1`) with index.html; false when it is not one. */
  fallback(request: FastifyRequest, reply: FastifyReply): boolean;
}

/**
 * Serves the built dashboard (web/dist) at `/`, public like /health (the key is entered in the
 * page and sent by the page). Hashed assets are cached for a year; index.html is revalidated on
 * every load so a deploy takes effect at once.
 */
export async function registerWebApp(app: FastifyInstance, deps: { webDir: string | undefined; logger: Logger }): Promise<WebApp> {
  const root = path.resolve(deps.webDir ?? DEFAULT_WEB_DIR);
  const built = existsSync(path.join(root, 'index.html'));
  if (!built) {
    deps.logger.warn({ root }, 'dashboard not built: run `npm run build:web` to serve it at /');
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply.status(503).send({ error: 'The dashboard is not built: run `npm run build:web` (npm install does it).', code: 'unavailable' }),
    );
    return { fallback: () => false };
  }

  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per built file (globbed at start) instead of a catch-all that would shadow the API's 404s.
    wildcard: false,
    index: ['index.html'],
    schemaHide: true,
    cacheControl: false,
    setHeaders(res, filePath) {
      if (filePath.endsWith('.html')) {
        // The CSP and nosniff come with every answer (helmet, in the kit's server).
        void res.header('cache-control', 'no-cache');
      } else if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        void res.header('cache-control', 'public, max-age=31536000, immutable');
      } else {
        void res.header('cache-control', 'public, max-age=3600');
      }
    },
  });

  return {
    fallback(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const urlPath = request.url.split('?', 1)[0]!;
      // Asset-looking paths (with an extension) that do not exist stay 404s.
      if (SERVER_PATHS.test(urlPath) || path.extname(urlPath) !== '') return false;
      void reply.status(200).sendFile('index.html', root);
      return true;
    },
  };
}
