import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { optimisticChange } from './optimistic.js';

type List = { data: Array<{ id: number; on: boolean }> };
const KEY = ['things'];
const toggle = (old: List, id: number): List => ({ data: old.data.map((x) => (x.id === id ? { ...x, on: !x.on } : x)) });

function setup(fetched: List) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData<List>(KEY, { data: [{ id: 1, on: true }] });
  // The refetch after the mutation answers what the server now holds.
  client.setQueryDefaults(KEY, { queryFn: () => Promise.resolve(fetched) });
  return client;
}

describe('optimisticChange', () => {
  it('shows the change before the server answers, then the server’s answer', async () => {
    const client = setup({ data: [{ id: 1, on: false }] });
    let answer!: () => void;
    const observer = new MutationObserver(client, {
      mutationFn: () => new Promise<void>((r) => (answer = r)),
      ...optimisticChange<List, number>(client, KEY, toggle),
    });
    const done = observer.mutate(1);
    await expect.poll(() => client.getQueryData<List>(KEY)!.data[0]!.on).toBe(false);
    answer();
    await done;
    expect(client.getQueryData<List>(KEY)!.data[0]!.on).toBe(false);
  });

  it('puts back what was there when the server refuses', async () => {
    const client = setup({ data: [{ id: 1, on: true }] });
    const observer = new MutationObserver(client, {
      mutationFn: () => Promise.reject(new Error('refused')),
      ...optimisticChange<List, number>(client, KEY, toggle),
    });
    await expect(observer.mutate(1)).rejects.toThrow('refused');
    expect(client.getQueryData<List>(KEY)!.data[0]!.on).toBe(true);
  });

  it('keeps the change when a refetch in flight is cancelled (which restores the data it started from)', async () => {
    const client = setup({ data: [{ id: 1, on: true }] });
    client.setQueryDefaults(KEY, { queryFn: () => new Promise<List>(() => {}) }); // never answers
    void client.refetchQueries({ queryKey: KEY });
    const observer = new MutationObserver(client, {
      mutationFn: () => new Promise<void>(() => {}),
      ...optimisticChange<List, number>(client, KEY, toggle),
    });
    void observer.mutate(1);
    await expect.poll(() => observer.getCurrentResult().isPending).toBe(true);
    await expect.poll(() => client.getQueryData<List>(KEY)!.data[0]!.on).toBe(false);
  });
});
