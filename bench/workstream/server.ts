/**
 * The real FlowLedger HTTP app (buildServer) on 127.0.0.1 in its own process, so the load generator
 * does not share its event loop. Reports its port over IPC; the bench reads its CPU from /proc.
 * ANSWER_CACHE_ENTRIES comes from the environment the bench gives it (0: cache off).
 */
import { loadConfig } from '../../src/config/config.js';
import { createDatabase } from '../../src/db/create-db.js';
import { createDeps } from '../../src/app/deps.js';
import { buildServer } from '../../src/app/server.js';
import { createLogger } from '../../src/shared/logger.js';
import { SecretKeyRing } from '../../src/shared/secret-box.js';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const database = createDatabase(config.databaseUrl, { poolSize: config.dbPoolSize });
const app = await buildServer(createDeps({ config, database, logger: createLogger('warn'), secrets: SecretKeyRing.ephemeral() }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', async (m) => {
  if (m === 'stop') {
    await app.close();
    await database.close();
    process.exit(0);
  }
});
