import { countdown } from '../lib/format.js';
import { useNow } from '../lib/use-now.js';

/** "2 h 14 m left" / "overdue 35 m", ticking every second. */
export function Countdown({ deadline }: { deadline: string | null }) {
  const now = useNow(1000);
  const c = countdown(deadline, now);
  if (!c) return <span className="countdown muted">No deadline</span>;
  return (
    <time className={`countdown${c.overdue ? ' overdue' : ''}`} dateTime={deadline!} title={new Date(deadline!).toLocaleString()}>
      {c.text}
    </time>
  );
}
