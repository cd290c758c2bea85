import type { CommitFeed } from '../../db/commit-feed.js';
import type { Database } from '../../db/create-db.js';
import type { Clock } from '../../shared/clock.js';

/** What the workstream's outbox jobs use. */
export interface WorkstreamJobDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
}
