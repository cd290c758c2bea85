import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';

/** What the comments domain uses of the process. */
export interface CommentsDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
}
