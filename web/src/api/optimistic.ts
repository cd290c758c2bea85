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
      const apply = () => {
        const current = client.getQueryData<T>(queryKey);
        return current === undefined ? undefined : client.setQueryData<T>(queryKey, change(current, vars));
      };
      // On screen at once; then a refetch in flight is cancelled, which puts back the data it
      // started from (undoing the change), so the change is made again if that happened.
      const applied = apply();
      await client.cancelQueries({ queryKey });
      if (client.getQueryData<T>(queryKey) !== applied) apply();
      return { previous };
    },
    onError: (_err: unknown, _vars: V, ctx: { previous: T | undefined } | undefined) => {
      if (ctx?.previous !== undefined) client.setQueryData<T>(queryKey, ctx.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  };
}
