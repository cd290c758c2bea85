/**
 * The real server (`serve --no-workers`) on the bench database; prints its url.
 * argv: DATABASE_URL, ANSWER_CACHE_TOKEN (`org`, or `database`: any commit invalidates every answer).
 */
import { randomBytes } from 'node:crypto';
import { serve } from '../../src/app/serve-role.js';

const server = await serve({
  workers: false,
  // SECRETS_KEY: required on PostgreSQL; the bench stores no secrets, so any key will do.
  env: { DATABASE_URL: process.argv[2], SECRETS_KEY: randomBytes(32).toString('base64'), ANSWER_CACHE_TOKEN: process.argv[3], DB_POOL_SIZE: '4', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SHUTDOWN_DRAIN_DELAY: '0' },
  print: () => {},
});
process.stdout.write(`LISTENING ${server.url}\n`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
