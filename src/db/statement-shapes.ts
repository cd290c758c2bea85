/**
 * Statements compiled once per shape. A hot read whose SQL text depends only on which filters,
 * sort and paging mode a request uses (its shape), not on their values, is built and compiled with
 * Kysely the first time a shape is seen, with a stand-in (a slot) for each value; later calls of
 * that shape only put their values into the slots. Building and compiling — Kysely's builders, its
 * compiler and its plugins' passes over the tree — cost more CPU than SQLite took to run the
 * statements of a task list page (measured: 12 % of the server's CPU for a page computed afresh).
 *
 * Slots must reach the compiled statement as parameters unchanged: a value a helper rewrites
 * before binding (a LIKE pattern, a JSON text) cannot be a slot; such statements are built per call,
 * or take the rewritten value as their slot's value. Compilation checks that no slot was rewritten,
 * and every call that each slot of its statement has a value (values for slots a shape does not use
 * are ignored).
 */
import type { CompiledQuery, Compilable, Kysely, QueryResult } from 'kysely';
import type { Database } from './create-db.js';

const SLOT_PREFIX = '\u0000slot:';

/** A stand-in for a parameter value while a shape is compiled. */
export type Slot = string & { readonly __slot: true };

export function slot(name: string): Slot {
  return `${SLOT_PREFIX}${name}` as Slot;
}

/** How many shapes each database handle keeps compiled (least recently used out). */
const MAX_SHAPES = 256;

const shapesByDb = new WeakMap<object, Map<string, CompiledQuery>>();

/**
 * The statement of `shape` on `db`, with `values` (by slot) bound where `build` placed its slots.
 * `shape` must name everything that changes the SQL text: the same shape always builds the same text.
 */
export function shapedStatement<R>(db: Kysely<any>, shape: string, build: () => Compilable<R>, values: ReadonlyMap<Slot, unknown>): CompiledQuery<R> {
  let shapes = shapesByDb.get(db);
  if (!shapes) shapesByDb.set(db, (shapes = new Map()));
  let compiled = shapes.get(shape) as CompiledQuery<R> | undefined;
  if (compiled) {
    shapes.delete(shape);
  } else {
    compiled = build().compile();
    checkSlots(shape, compiled, values);
  }
  shapes.set(shape, compiled);
  if (shapes.size > MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
  const parameters = compiled.parameters.map((p) => {
    if (typeof p !== 'string' || !p.startsWith(SLOT_PREFIX)) return p;
    if (!values.has(p as Slot)) throw new Error(`Statement shape ${shape}: no value for slot ${JSON.stringify(p)}`);
    return values.get(p as Slot);
  });
  return { ...compiled, parameters };
}

function checkSlots(shape: string, compiled: CompiledQuery, values: ReadonlyMap<Slot, unknown>): void {
  const bound = new Set(compiled.parameters.filter((p): p is Slot => typeof p === 'string' && p.startsWith(SLOT_PREFIX)));
  for (const p of compiled.parameters) {
    if (typeof p === 'string' && !bound.has(p as Slot) && p.includes(SLOT_PREFIX)) throw new Error(`Statement shape ${shape}: a slot was rewritten into ${JSON.stringify(p)}`);
  }
  for (const s of bound) if (!values.has(s)) throw new Error(`Statement shape ${shape}: no value for slot ${JSON.stringify(s)}`);
}

/** shapedStatement run as a prepared statement (Database.executePrepared): a hot read's usual path. */
export function runShaped<R>(
  database: Pick<Database, 'db' | 'executePrepared'>,
  shape: string,
  build: () => Compilable<R>,
  values: ReadonlyMap<Slot, unknown>,
): Promise<QueryResult<R>> {
  return database.executePrepared(shapedStatement(database.db, shape, build, values));
}
