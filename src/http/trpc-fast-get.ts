import type { FastifyInstance } from 'fastify';
import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, type AnyTRPCRouter } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { RETRY_AFTER_SECONDS } from '../db/availability.js';
import { cachedJsonOf, JsonAnswer } from '../answer-cache/answer-cache.js';
import { sendStoredBody } from './stored-body.js';
import type { AnswerCache } from '../answer-cache/answer-cache.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import './route-config.js';
import type { TrpcContext } from './trpc.js';

const wrapped = new WeakMap<object, Buffer>();
const RESULT_HEAD = Buffer.from('{"result":{"data":');
const RESULT_TAIL = Buffer.from('}}');

/** tRPC's `{"result":{"data":…}}` for a cached answer, built once from its stored JSON bytes. */
function storedResultBody(data: unknown): Buffer | undefined {
  const json = cachedJsonOf(data);
  if (!json) return undefined;
  let body = wrapped.get(data as object);
  if (!body) {
    body = Buffer.concat([RESULT_HEAD, json, RESULT_TAIL]);
    wrapped.set(data as object, body);
  }
  return body;
}

/** Longer inputs are not remembered (they are rare, and would crowd the memo). */
const MAX_ALIASED_INPUT = 2048;

/**
 * (procedure, org, role, raw input string) → the answer-cache key its procedure answered from, per
 * server. Safe to short-cut: the procedure's middlewares depend only on the role, the org and the
 * raw input (auth itself ran in the Fastify hooks; the input guard — NUL, nesting, another org's
 * org_id — on this same input, and an alias is remembered only after a success), its input parsing
 * only on the raw input, and a cached answer is keyed by
 * org and normalised input — so the same call gets the same stored answer while that answer is
 * current, which AnswerCache.reuse checks (token, clock) exactly as get() would. Measured: ~12 % of
 * the CPU of a reused task page was the procedure call (middlewares, input parsing, tRPC's spreads).
 * Least recently used first out; bounded by entries and by the characters held (aliases and keys:
 * 4M characters, at most 8 MB of string data).
 */
class AliasMemo {
  private readonly keys = new Map<string, string>();
  private chars = 0;
  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxChars = 4_000_000,
  ) {}
  get(alias: string): string | undefined {
    const key = this.keys.get(alias);
    if (key !== undefined) {
      this.keys.delete(alias);
      this.keys.set(alias, key);
    }
    return key;
  }
  remember(alias: string, key: string): void {
    const old = this.keys.get(alias);
    if (old !== undefined) {
      this.keys.delete(alias);
      this.chars -= alias.length + old.length;
    }
    this.keys.set(alias, key);
    this.chars += alias.length + key.length;
    while (this.keys.size > this.maxEntries || (this.chars > this.maxChars && this.keys.size > 1)) {
      const [oldAlias, oldKey] = this.keys.entries().next().value!;
      this.keys.delete(oldAlias);
      this.chars -= oldAlias.length + oldKey.length;
    }
  }
}

/**
 * A direct path for the most common tRPC call: one query over GET (`/api/workflow.metrics?input=…`,
 * no batch). tRPC 11's Fastify adapter converts every request into a Fetch API Request and Response;
 * measured here that cost ~0.6 ms of CPU per call, more than the metric queries themselves. This
 * calls the same procedure (same middlewares, input parser and error formatter) and answers in
 * tRPC's own envelope and status codes. Batches, mutations, malformed input and anything unusual
 * fall through to the adapter untouched.
 *
 * Registered as a preHandler of the tRPC scope, so authentication (a global onRequest hook) has
 * already run; the input rules run in the procedure's base middleware, as on the adapter's path.
 */
export interface FastTrpcGetDeps {
  answers: AnswerCache;
  clock: Clock;
  logger: Logger;
}

export function registerFastTrpcGet(scope: FastifyInstance, deps: FastTrpcGetDeps, router: AnyTRPCRouter, isTrpcRoute: (url: string | undefined) => boolean): void {
  const procedures = router._def.procedures as Record<string, { _def: { type: string } }>;
  const aliases = new AliasMemo();
  scope.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !isTrpcRoute(request.routeOptions.url)) return;
    const path = (request.params as { path?: string }).path ?? '';
    if (procedures[path]?._def.type !== 'query') return;
    const query = request.query as Record<string, unknown>;
    if ('batch' in query) return;
    if (query.input !== undefined && typeof query.input !== 'string') return;
    const auth = request.auth;

    // A stored answer this same question (procedure, org, role, input as sent) was given before,
    // if it is still current: no input parsing, no middleware run again for an identical call.
    // '=' keeps an input that was sent, even an empty one, apart from none.
    const rawInput = query.input === undefined ? '' : `=${query.input as string}`;
    const alias = auth && rawInput.length <= MAX_ALIASED_INPUT ? `${path}\u0000${auth.orgId}\u0000${auth.role}\u0000${rawInput}` : undefined;
    const aliasedKey = alias === undefined ? undefined : aliases.get(alias);
    if (aliasedKey !== undefined) {
      const reused = await deps.answers.reuse(aliasedKey, deps.clock.now().getTime());
      const stored = reused === undefined ? undefined : storedResultBody(reused);
      if (stored) return sendStoredBody(request, reply.status(200), stored, 'application/json');
    }

    let input: unknown;
    if (typeof query.input === 'string') {
      try {
        input = JSON.parse(query.input);
      } catch {
        return; // the adapter answers PARSE_ERROR in its own words
      }
    } else if (query.input !== undefined) return;

    const ctx: TrpcContext = { auth: request.auth, requestId: String(request.id) };
    try {
      const data = await callTRPCProcedure({ router, path, getRawInput: async () => input, ctx, type: 'query', signal: undefined, batchIndex: 0 });
      const stored = storedResultBody(data);
      if (stored) {
        const key = deps.answers.keyOf(data);
        if (alias !== undefined && key !== undefined) aliases.remember(alias, key);
        return sendStoredBody(request, reply.status(200), stored, 'application/json');
      }
      // Not a stored answer (the cache off): sent once, uncompressed (stored-body.ts); a JsonAnswer as its own bytes.
      const body = data instanceof JsonAnswer ? Buffer.concat([RESULT_HEAD, data.json, RESULT_TAIL]) : JSON.stringify({ result: { data } });
      return reply.status(200).header('content-type', 'application/json').send(body);
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      if (error.code === 'INTERNAL_SERVER_ERROR') deps.logger.error({ err: error.cause ?? error, path }, 'tRPC error');
      const shape = getErrorShape({ config: router._def._config, error, type: 'query', path, input, ctx });
      if (error.code === 'SERVICE_UNAVAILABLE') void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply
        .status(getHTTPStatusCodeFromError(error))
        .header('content-type', 'application/json')
        .send(JSON.stringify({ error: shape }));
    }
  });
}
