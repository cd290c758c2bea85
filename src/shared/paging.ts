/**
 * Page arithmetic shared by repositories, services and routes (the HTTP schemas: src/http/paging.ts).
 *
 * Two ways through a list: `page`/`limit` (OFFSET; pages shift when rows are inserted before them)
 * and keyset cursors (`cursor` → `next_cursor`): a cursor holds the sort key of the last row given,
 * so the next page starts right after it whatever was inserted meanwhile, and a deep page costs what
 * the first one does (no OFFSET walk).
 */
import { badRequest } from './errors.js';

export interface PageQuery {
  page: number;
  limit: number;
  /** The sort key of the row to continue after (a decoded cursor); when set, `page` is 1. */
  after?: readonly KeyValue[] | undefined;
}

/** What a cursor may hold: sort-key values as the rows carry them. */
export type KeyValue = string | number | null;

export function pageOffset(p: PageQuery): number {
  return p.after ? 0 : (p.page - 1) * p.limit;
}

/**
 * A list's order by plain columns, the last one unique (the id), all in one direction: what its
 * cursors hold and are checked against. Repositories order and seek by it (src/db/keyset.ts).
 */
export interface ListOrder<K extends string = string> {
  scope: string;
  keys: readonly K[];
  dir: 'asc' | 'desc';
}

export function listOrder<K extends string>(list: string, keys: readonly K[], dir: 'asc' | 'desc'): ListOrder<K> {
  return { scope: `${list}:${keys.join(',')}:${dir}`, keys, dir };
}

/** What `paged` needs to give a cursor: the scope and a row's key in the list's order. */
export interface CursorSource<T> {
  scope: string;
  keyOf: (row: T) => readonly KeyValue[];
}

/** A ListOrder as a cursor source: the key is the row's values of the order's columns. */
export function cursorBy<T>(order: ListOrder<Extract<keyof T, string>>): CursorSource<T> {
  return { scope: order.scope, keyOf: (row) => order.keys.map((k) => row[k] as KeyValue) };
}

/**
 * A page answer. `cursor` gives a row's sort key (as the list orders by it): a full page then gets a
 * `next_cursor`; a short page is the last one (`null`).
 */
export function paged<T>(data: T[], p: PageQuery, total: number, cursor?: CursorSource<T>) {
  return { data, pagination: pagination(data.length, (i) => data[i]!, p, total, cursor) };
}

/**
 * `paged` for rows already serialised (each item's JSON text, e.g. built by the database): the same
 * answer as JSON text. `itemOf` gives the item at an index as a value, for its cursor key: called
 * for the last row of a full page only.
 */
export function pagedJson<T>(items: readonly string[], itemOf: (i: number) => T, p: PageQuery, total: number, cursor?: CursorSource<T>): string {
  return `{"data":[${items.join(',')}],"pagination":${JSON.stringify(pagination(items.length, itemOf, p, total, cursor))}}`;
}

function pagination<T>(count: number, itemOf: (i: number) => T, p: PageQuery, total: number, cursor?: CursorSource<T>) {
  const next = count === p.limit && cursor ? encodeCursor(cursor.scope, cursor.keyOf(itemOf(count - 1))) : null;
  return { page: p.after ? 1 : p.page, limit: p.limit, total, next_cursor: next };
}

/**
 * A cursor is the list's scope (its name and sort) and the key, as base64url JSON. Opaque to
 * clients; not secret (it holds values of a row the caller has already been given).
 */
export function encodeCursor(scope: string, key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([scope, ...key])).toString('base64url');
}

/**
 * The key a cursor continues after; 400 naming `cursor` when it is not one this list gave with this
 * sort (garbled, from another list, or made for another sort order).
 */
export function decodeCursor(scope: string, cursor: string, arity: number): KeyValue[] {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    v = undefined;
  }
  const ok = (x: unknown): x is unknown[] =>
    Array.isArray(x) &&
    x.length === arity + 1 &&
    x.every((e, i) => (i === 0 ? typeof e === 'string' : e === null || typeof e === 'string' || (typeof e === 'number' && Number.isFinite(e))));
  if (!ok(v)) throw badRequest('cursor: not a cursor this list gave (pass next_cursor back unchanged)', { fields: [{ field: 'cursor', message: 'not a cursor this list gave' }] });
  if (v[0] !== scope) {
    throw badRequest('cursor: it was given for another list or sort order; start again without a cursor', {
      fields: [{ field: 'cursor', message: 'given for another list or sort order' }],
    });
  }
  return v.slice(1) as KeyValue[];
}

/** `page` and `cursor` are two ways to the same list: one at a time. */
export function pageFrom(
  q: { page?: number | undefined; limit?: number | undefined; cursor?: string | undefined },
  scope: string | ListOrder,
  arity = typeof scope === 'string' ? 1 : scope.keys.length,
): PageQuery {
  if (typeof scope !== 'string') scope = scope.scope;
  const limit = q.limit ?? 50;
  if (q.cursor === undefined) return { page: q.page ?? 1, limit };
  if (q.page !== undefined && q.page !== 1) {
    throw badRequest('Give either page or cursor, not both', { fields: [{ field: 'cursor', message: 'cannot be combined with page' }] });
  }
  return { page: 1, limit, after: decodeCursor(scope, q.cursor, arity) };
}
