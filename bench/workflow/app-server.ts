/**
 * The real server (`serve --no-workers`) on the database the bench seeded; prints its url.
 * argv: DATABASE_URL, then ANSWER_CACHE_ENTRIES (optional; 0 = answer cache off, the miss path).
 */
import { serve } from '../../src/app/serve-role.js';
import { newSecretKey } from '../../src/shared/secret-box.js';

const server = await serve({
  workers: false,
  env: { DATABASE_URL: process.argv[2], ANSWER_CACHE_ENTRIES: process.argv[3], HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SHUTDOWN_DRAIN_DELAY: '0',
    // PostgreSQL needs a secrets key; a scratch bench database has no sealed secrets, so any key does.
    SECRETS_KEY: process.env.SECRETS_KEY ?? newSecretKey() },
  print: () => {},
});
process.stdout.write(`LISTENING ${server.url}\n`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
