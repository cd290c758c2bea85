import type { AnswerCache } from '../answer-cache/answer-cache.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';

/** What the workflow domain uses of the process: its routes, router and services take this or a part of it. */
export interface WorkflowDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
  /** Used by the route layer only (workflow.answers.ts). */
  answers: AnswerCache;
}
