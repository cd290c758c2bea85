import { PRIORITIES, STATUS_LABEL, STATUSES } from '../lib/tasks.js';

/** The <option>s of a status select (one place for their order and labels). */
export function StatusOptions() {
  return (
    <>
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABEL[s]}
        </option>
      ))}
    </>
  );
}

export function PriorityOptions() {
  return (
    <>
      {PRIORITIES.map((p) => (
        <option key={p} value={p}>
          {p.charAt(0) + p.slice(1).toLowerCase()}
        </option>
      ))}
    </>
  );
}
