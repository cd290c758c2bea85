/** The org's task categories, as suggestions for inputs that name one (any name is allowed). */
import { useQuery } from '@tanstack/react-query';
import { useSession } from './session-context.js';

export const categoryKeys = { names: ['workflow', 'categories', 'names'] as const };

export function useCategoryNames(): string[] {
  const { api } = useSession();
  const q = useQuery({
    queryKey: categoryKeys.names,
    queryFn: async () => (await api.trpc.workflow.categories.query()).map((c) => c.workflow_category),
    staleTime: 60_000,
  });
  return q.data ?? [];
}

/** A datalist of the category names, for an input's `list` attribute. */
export function CategoryOptions({ id }: { id: string }) {
  const names = useCategoryNames();
  return (
    <datalist id={id}>
      {names.map((n) => (
        <option key={n} value={n} />
      ))}
    </datalist>
  );
}
