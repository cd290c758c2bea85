import { transact } from '../../db/transact.js';
import type { OutboxHandler } from '../../outbox/handler.js';
import { ensureFirstProposal } from '../proposals.repository.js';
import type { WorkstreamDeps } from '../workstream.deps.js';
import { pursuitIdOf } from './pursuit-of-event.js';

/** `candidate.promoted` → proposal v1 for the new pursuit, unless it has one. */
export function proposalDraftJob(deps: Pick<WorkstreamDeps, 'database' | 'clock' | 'commitFeed'>): OutboxHandler {
  return async (e) => {
    const pursuitId = await pursuitIdOf(deps.database.db, e);
    const res = await transact(deps, (trx) => ensureFirstProposal(trx, e.org_id, pursuitId, deps.clock.now().toISOString()));
    if (!res) throw new Error(`Pursuit ${pursuitId} not found in org ${e.org_id}`);
  };
}
