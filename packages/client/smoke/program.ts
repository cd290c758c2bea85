/**
 * A program as an integrator writes it against the installed package: test/sdk-package.test.ts
 * copies it into a fresh project with the packed tarball installed, type-checks it (strict) and runs
 * it against a live server. Uses all three clients: creates a task over REST, finds it in the REST
 * list, updates it over tRPC (the SDK's client; then `createTRPCClient<AppRouter>` with batching
 * reads it back), and waits for both changes to arrive over /ws. Prints one JSON line.
 *
 * Not part of the repository's own type check: `@flowledger/client` resolves to the built dist/.
 */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { CLOSE_CODES, FlowLedgerRealtime, createFlowLedgerClient, createFlowLedgerTrpc, type AppRouter, type TaskEventData } from '@flowledger/client';

// The program needs nothing of Node but its arguments: no @types/node in the test project.
declare const process: { argv: string[]; exit(code: number): never };
const [baseUrl, token] = process.argv.slice(2) as [string, string];

// Were any of the types `any`, these lines would not be errors and tsc would fail on the directives.
// @ts-expect-error: no such path in the OpenAPI document
void (() => createFlowLedgerClient({ baseUrl }).GET('/api/workflow/no-such-path'));
// @ts-expect-error: no such procedure in AppRouter
void (() => createFlowLedgerTrpc({ baseUrl }).workflow.noSuchProcedure.query());
// @ts-expect-error: task_status is an enum
void (() => createFlowLedgerTrpc({ baseUrl }).workflow.update.mutate({ taskId: 'x', updates: { task_status: 'PURPLE' } }));

function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  // Cleared, so that the program exits as soon as it is done.
  return Promise.race([p, expired]).finally(() => clearTimeout(timer));
}

async function main(): Promise<void> {
  const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/ws`;
  const realtime = new FlowLedgerRealtime({ url: wsUrl, token, events: ['workflow:task:*', 'workflow:status:*'] });
  const seen: Array<{ event: string; data: TaskEventData }> = [];
  const waiters: Array<() => void> = [];
  const record = (event: string) => (data: TaskEventData) => {
    seen.push({ event, data });
    for (const w of waiters.splice(0)) w();
  };
  realtime.on('workflow:task:created', record('workflow:task:created'));
  realtime.on('workflow:task:updated', record('workflow:task:updated'));
  const until = (pred: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (pred() ? resolve() : waiters.push(check));
      check();
    });
  await within(20_000, 'the WebSocket', realtime.ready());

  const rest = createFlowLedgerClient({ baseUrl, token });
  const created = await rest.POST('/api/workflow/tasks', { body: { workflow_category: 'Support', title: 'Installed from the tarball', priority: 'HIGH' } });
  if (!created.data) throw new Error(`create failed: ${created.response.status} ${JSON.stringify(created.error)}`);
  const taskId: string = created.data.task_id;

  const listed = await rest.GET('/api/workflow/tasks', { params: { query: { limit: '200', sort: 'created_at', direction: 'desc' } } });
  if (!listed.data) throw new Error(`list failed: ${listed.response.status}`);
  const inList = listed.data.data.some((t) => t.task_id === taskId);

  const missing = await rest.GET('/api/workflow/tasks/{id}', { params: { path: { id: 'TASK-does-not-exist' } } });

  const trpc = createFlowLedgerTrpc({ baseUrl, token: () => token });
  const updated = await trpc.workflow.update.mutate({ taskId, updates: { task_status: 'YELLOW', current_owner: 'SDK' } });
  const status: 'RED' | 'YELLOW' | 'GREEN' | 'COMPLETED' = updated.task_status;
  // The router type alone, with links of one's own (here batching).
  const batching = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${baseUrl}/api`, headers: { authorization: `Bearer ${token}` } })] });
  const [page, one] = await Promise.all([
    batching.workflow.list.query({ filter: { status: 'YELLOW' }, pagination: { limit: 50 } }),
    batching.workflow.get.query({ taskId }),
  ]);

  const mine = (event: string) => () => seen.some((s) => s.event === event && s.data.taskId === taskId);
  await within(20_000, 'workflow:task:created', until(mine('workflow:task:created')));
  await within(20_000, 'workflow:task:updated', until(mine('workflow:task:updated')));
  const updateFrame = seen.find((s) => s.event === 'workflow:task:updated' && s.data.taskId === taskId);
  realtime.close();

  console.log(
    JSON.stringify({
      taskId,
      createdStatus: created.response.status,
      inList,
      missingStatus: missing.response.status,
      missingCode: (missing.error as { code?: string } | undefined)?.code,
      updatedStatus: status,
      fetchedOwner: one.current_owner,
      inTrpcList: page.data.some((t) => t.task_id === taskId),
      events: seen.filter((s) => s.data.taskId === taskId).map((s) => s.event),
      frameTaskStatus: updateFrame?.data.task?.task_status,
      closeCodeUnauthorized: CLOSE_CODES.unauthorized,
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
