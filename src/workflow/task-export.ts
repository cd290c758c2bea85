/** The columns of the task CSV export: the task as the API answers it, flat (entities as JSON text). */
import type { CsvColumn } from '../shared/csv.js';
import type { TaskView } from './workflow.schemas.js';

const FIELDS = [
  'task_id', 'workflow_category', 'task_status', 'title', 'priority', 'current_owner', 'owner_email', 'owner_user_id', 'owner_name',
  'dollar_value', 'currency', 'sla_deadline', 'sla_status', 'sla_warned_at', 'sla_breached_at', 'customer_name', 'po_number',
  'quote_number', 'source_type', 'source_sender', 'source_subject', 'source_received_at', 'signal_id', 'created_at', 'updated_at',
] as const satisfies readonly (keyof TaskView)[];

export const TASK_COLUMNS: CsvColumn<TaskView>[] = [
  ...FIELDS.map((k) => ({ header: k, value: (t: TaskView) => t[k] as string | number | null })),
  { header: 'entities', value: (t) => JSON.stringify(t.entities) },
];
