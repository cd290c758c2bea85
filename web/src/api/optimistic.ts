/**
 * An optimistic change to one cached query, as TanStack Query mutation callbacks: the cache shows
 * the change at once; a refusal puts back what was there; either way the query is refetched, so
 * the screen ends on the server's answer.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';

export function optimisticChange<T, V>(client: QueryClient, queryKey: QueryKey, change: (old: T, vars: V) => T) {
  return {
    onMutate: async (vars: V) => {
      const previous = client.getQueryData<T>(queryKey);
      // Set before awaiting anything, so the screen changes with the click. A refetch in flight
      // would land after the change and undo it: it is cancelled, and a cancelled fetch restores
      // the data last set by hand, i.e. the change.
      if (previous !== undefined) client.setQueryData<T>(queryKey, change(previous, vars));
      await client.cancelQueries({ queryKey });
      return { previous };
    },
    onError: (_err: unknown, _vars: V, ctx: { previous: T | undefined } | undefined) => {
      if (ctx?.previous !== undefined) client.setQueryData<T>(queryKey, ctx.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  };
}
