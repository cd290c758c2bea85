import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApiKey } from '../../src/auth/api-keys.repository.js';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { loadConfig } from '../../src/config/config.js';
import type { Role } from '../../src/db/types.js';
import { createDeps } from '../../src/app/deps.js';
import { openSecrets } from '../../src/app/secrets.js';
import { newSecretKey } from '../../src/shared/secret-box.js';
import type { AppDeps } from '../../src/app/deps.js';
import { buildServer } from '../../src/app/server.js';
import { ManualClock, type Clock } from '../../src/shared/clock.js';
import { createLogger, type Logger } from '../../src/shared/logger.js';
import { openTestDatabase, type TestDatabase, type TestEngine } from './engines.js';

export interface TestOrg {
  orgId: number;
  admin: string;
  member: string;
  viewer: string;
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  db: TestDatabase;
  clock: Clock;
  /** inject() with a bearer key. */
  call(key: string | undefined, opts: InjectOptions): Promise<LightMyRequestResponse>;
  createOrg(name?: string): Promise<TestOrg>;
  createKey(orgId: number, role: Role, name?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(
  engine: TestEngine,
  opts: { env?: Record<string, string>; clock?: Clock; logger?: Logger } = {},
): Promise<TestApp> {
  const db = await openTestDatabase(engine);
  // A key of its own per app (the same key resolution as `serve`; tests of the key file pass SECRETS_KEY: '').
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: engine.name === 'sqlite' ? db.url : engine.url, SECRETS_KEY: newSecretKey(), ...opts.env });
  const clock = opts.clock ?? new ManualClock(new Date());
  const logger = opts.logger ?? createLogger('silent');
  const secrets = await openSecrets(config, db.database, logger);
  const deps = createDeps({ config, database: db.database, logger, clock, secrets });
  const app = await buildServer(deps);
  await app.ready();
  let orgCounter = 0;

  const createKey = async (orgId: number, role: Role, name?: string) =>
    (await createApiKey(db.database.db, { orgId, role, name: name ?? null, now: clock.now().toISOString() })).key;

  return {
    app,
    deps,
    db,
    clock,
    call(key, injectOpts) {
      const headers = { ...(injectOpts.headers ?? {}) } as Record<string, string>;
      if (key) headers.authorization = `Bearer ${key}`;
      return app.inject({ ...injectOpts, headers });
    },
    async createOrg(name) {
      orgCounter += 1;
      const org = await createOrg(db.database.db, { name: name ?? `Org ${orgCounter}`, now: clock.now().toISOString() });
      return {
        orgId: org.org_id,
        admin: await createKey(org.org_id, 'admin', `admin-${org.org_id}`),
        member: await createKey(org.org_id, 'member'),
        viewer: await createKey(org.org_id, 'viewer'),
      };
    },
    createKey,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
