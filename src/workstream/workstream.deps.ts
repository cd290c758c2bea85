import type { AnswerCache } from '../answer-cache/answer-cache.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';

/** What the workstream domain uses of the process. */
export interface WorkstreamDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
  answers: AnswerCache;
}
