import { PRIORITIES, STATUS_LABEL, STATUSES, type Status } from '../lib/tasks.js';

/** The <option>s of a status select (one place for their order and labels). */
export function StatusOptions({ except }: { except?: Status }) {
  return (
    <>
      {STATUSES.filter((s) => s !== except).map((s) => (
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
