import { transact } from '../transact.js';
import type { OutboxDeps, OutboxHandler } from '../handler.js';
import { ensureFirstProposal } from '../../workstream/proposals.repository.js';
import { pursuitIdOf } from './item-ids.js';

/** `candidate.promoted` → proposal v1 for the new pursuit, unless it has one. */
export function candidatePromotedHandler(deps: OutboxDeps): OutboxHandler {
  return async (e) => {
    const pursuitId = await pursuitIdOf(deps.database.db, e);
    const res = await transact(deps, (trx) => ensureFirstProposal(trx, e.org_id, pursuitId, deps.clock.now().toISOString()));
    if (!res) throw new Error(`Pursuit ${pursuitId} not found in org ${e.org_id}`);
  };
}
