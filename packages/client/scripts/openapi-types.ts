/**
 * The REST client's types, generated from the live OpenAPI document: this builds the real app (on a
 * throw-away SQLite file), asks it for `/api/openapi.json` through `inject()` and turns the answer
 * into TypeScript with openapi-typescript. No hand-written copy of the document exists to go stale.
 *
 *   npm run generate -w @flowledger/client     rewrites src/generated/openapi.ts
 *
 * The output is committed (a change of the API shows up in review as a change of the SDK's types),
 * and test/sdk-package.test.ts fails when the committed file differs from what this produces now.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { createDeps } from '../../../src/app/deps.js';
import { openSecrets } from '../../../src/app/secrets.js';
import { buildServer } from '../../../src/app/server.js';
import { loadConfig } from '../../../src/config/config.js';
import { createDatabase } from '../../../src/db/create-db.js';
import { createLogger } from '../../../src/shared/logger.js';
import { newSecretKey } from '../../../src/shared/secret-box.js';

export const GENERATED_FILE = fileURLToPath(new URL('../src/generated/openapi.ts', import.meta.url));

const BANNER = `/**
 * GENERATED from FlowLedger's /api/openapi.json by packages/client/scripts/openapi-types.ts
 * (npm run generate -w @flowledger/client). Do not edit by hand.
 */
`;

/** The OpenAPI document exactly as a running server serves it. */
export async function fetchOpenApiDocument(): Promise<OpenAPI3> {
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-openapi-'));
  const url = `sqlite:${join(dir, 'openapi.db')}`;
  const database = createDatabase(url);
  try {
    await database.migrate();
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, SECRETS_KEY: newSecretKey() });
    const logger = createLogger('silent');
    const deps = createDeps({ config, database, logger, secrets: await openSecrets(config, database, logger) });
    const app = await buildServer(deps);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}: ${res.body}`);
      return res.json<OpenAPI3>();
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of src/generated/openapi.ts for the document the app serves now. */
export async function renderOpenApiTypes(): Promise<string> {
  const nodes = await openapiTS(await fetchOpenApiDocument());
  return BANNER + astToString(nodes);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(GENERATED_FILE, await renderOpenApiTypes());
  console.log(`wrote ${GENERATED_FILE}`);
}
