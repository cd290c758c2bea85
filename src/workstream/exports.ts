/** The columns of the workstream's CSV exports: every field of the item but its org, in the API's names. */
import type { CsvColumn } from '../shared/csv.js';
import type { Candidate } from './candidates.repository.js';
import type { Pursuit } from './pursuits.repository.js';
import type { Signal } from './signals.repository.js';

function columns<T>(keys: readonly (keyof T & string)[]): CsvColumn<T>[] {
  return keys.map((k) => ({ header: k, value: (row: T) => row[k] as string | number | null }));
}

export const SIGNAL_COLUMNS = columns<Signal>([
  'signal_id', 'ts', 'source_type', 'source_ref', 'snippet', 'contact_id', 'client_id', 'problem_phrase', 'solution_hint',
  'urgency_score', 'dedupe_key', 'cluster_id', 'owner_user_id', 'created_at', 'updated_at',
]);
export const CANDIDATE_COLUMNS = columns<Candidate>(['candidate_id', 'title', 'status', 'owner_user_id', 'last_touch_at', 'created_at', 'updated_at']);
export const PURSUIT_COLUMNS = columns<Pursuit>([
  'pursuit_id', 'candidate_id', 'title', 'pursuit_stage', 'due_date', 'value', 'lost_reason', 'owner_user_id', 'created_at', 'updated_at',
]);
