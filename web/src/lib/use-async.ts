import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/errors.js';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile (no flashing, no layout jump). */
  reload: () => void;
  /** Replaces the data locally (optimistic updates, realtime patches). */
  setData: (update: (prev: T | undefined) => T | undefined) => void;
  /**
   * A change made here: shows `optimistic` at once, awaits `call`, then loads the truth (which also
   * undoes the optimistic view when the call failed). Rejects as `call` does.
   */
  mutate: (call: () => Promise<unknown>, optimistic?: (prev: T | undefined) => T | undefined) => Promise<void>;
}

/** Runs `load` whenever `deps` change; only the latest answer is kept (no out-of-order overwrite). */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  // Local changes still on their way to the server. An answer that lands meanwhile may have been read
  // before the change and would undo what the user sees; the load after the change brings the truth.
  const changesInFlight = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const mine = ++seq.current;
    setLoading(true);
    loadRef
      .current()
      .then((d) => {
        if (mine !== seq.current || changesInFlight.current > 0) return;
        setDataState(d);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setError(toApiError(e));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, []);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(run, deps);

  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setDataState(update), []);
  const mutate = useCallback(
    async (call: () => Promise<unknown>, optimistic?: (prev: T | undefined) => T | undefined) => {
      changesInFlight.current++;
      seq.current++; // answers already on their way were read before this change
      if (optimistic) setDataState(optimistic);
      try {
        await call();
      } finally {
        changesInFlight.current--;
        if (changesInFlight.current === 0) run();
      }
    },
    [run],
  );
  return { data, error, loading, reload: run, setData, mutate };
}

/**
 * Calls `fn` every `ms` while the page is visible, and at once when it becomes visible again: for
 * state that changes without an event (a hidden tab costs the server nothing).
 */
export function usePolling(fn: () => void, ms: number): void {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') fnRef.current();
    };
    const t = setInterval(tick, ms);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(t);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [ms]);
}

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
