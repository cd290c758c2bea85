import type { Registry } from 'prom-client';
import type { AuthDeps } from '../auth/auth.plugin.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { RealtimeHub } from './hub.js';
import type { LoadExecutiveMetrics } from './metrics-coalescer.js';

/** What the WebSocket gateway uses of the process. */
export interface GatewayDeps extends AuthDeps {
  config: Pick<Config, 'wsMaxBufferedBytes' | 'wsHeartbeatMs' | 'wsAuthTimeoutMs' | 'publicOrigin'>;
  clock: Clock;
  logger: Logger;
  metrics: { registry: Registry };
  hub: RealtimeHub;
  /** Resume reads the event feed and loads the tasks of replayed events. */
  database: Database;
  /** The metrics a resumed client gets after its replay (the coalescer's loader). */
  loadExecutiveMetrics: LoadExecutiveMetrics;
}
