/**
 * Data fetching through TanStack Query: one QueryClient per signed-in org (the Shell is keyed by
 * org, so switching org starts from an empty cache and no answer of one org is shown in another),
 * and realtime events invalidating the queries they make stale. The library owns request ordering,
 * de-duplication and stale answers; screens declare keys and mutations.
 */
import { notifyManager, QueryClient, QueryClientProvider, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { toApiError } from './errors.js';
import { useRealtimePrefix, useSession } from './session-context.js';

// Cache changes reach components in the same turn as the click that made them (the default waits for
// a timer): a controlled checkbox changed optimistically would otherwise be reset by React to its old
// value first, flicker, and read as unchanged to anyone looking in between (a test, a screen reader).
notifyManager.setScheduler(queueMicrotask);

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Realtime events invalidate what changed; a refetch on every focus would only add load.
        refetchOnWindowFocus: false,
        staleTime: 5_000,
        // A 4xx answer (gone, forbidden, bad input) stays the answer; a network error or 5xx retries.
        retry: (failures, error) => failures < 2 && (toApiError(error).status || 500) >= 500,
      },
      mutations: { retry: false },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(newQueryClient);
  return (
    <QueryClientProvider client={client}>
      <ReloadOnResync />
      {children}
    </QueryClientProvider>
  );
}

/**
 * The realtime client resumes by itself after a reconnect (the server replays what was missed); when
 * the server cannot replay (the gap is older than what it keeps, or too long), every query is
 * marked stale so what is on screen is fetched afresh.
 */
function ReloadOnResync(): null {
  const client = useQueryClient();
  const { realtime } = useSession();
  useEffect(() => realtime.on('resync', () => void client.invalidateQueries()), [realtime, client]);
  return null;
}

/** Marks `keys` stale (refetching those on screen) whenever a realtime frame named `prefix…` arrives. */
export function useInvalidateOn(prefix: string, ...keys: QueryKey[]): void {
  const client = useQueryClient();
  useRealtimePrefix(prefix, () => {
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
  });
}
