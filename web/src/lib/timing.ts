/**
 * Timing for realtime reloads. Data fetching itself is TanStack Query's (web/src/api/query.tsx):
 * request ordering, de-duplication and stale answers are the library's problem, not ours.
 */
import { useCallback, useEffect, useRef } from 'react';

/** Calls `fn` at most once per `ms`, trailing: bursts of realtime events become one reload. */
export function useThrottled(fn: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      fnRef.current();
    }, ms);
  }, [ms]);
}
