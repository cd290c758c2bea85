/**
 * Helpers frozen with the migrations: they never import application code, so a migration means
 * the same thing forever. Engine differences in DDL are confined to these few functions.
 */
import { sql, type ColumnDefinitionBuilder, type Expression, type CreateTableBuilder, type Kysely } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

export interface MigrationModule {
  up(db: Kysely<any>, engine: Engine): Promise<void>;
  down?(db: Kysely<any>, engine: Engine): Promise<void>;
}

/** Auto-increment integer primary key: INTEGER PRIMARY KEY AUTOINCREMENT / BIGINT IDENTITY. */
export function idColumn<T extends string>(
  engine: Engine,
  table: CreateTableBuilder<any, any>,
  name: T,
): CreateTableBuilder<any, any> {
  return engine === 'sqlite'
    ? table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn(name, 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

/** Foreign id columns match the id type of the engine. */
export const refType = (engine: Engine) => (engine === 'sqlite' ? 'integer' : 'bigint');

/** Times: fixed-format ISO-8601 text on SQLite, timestamptz on PostgreSQL. */
export const tsType = (engine: Engine) => (engine === 'sqlite' ? 'text' : 'timestamptz');

/** Booleans: 0/1 integers on SQLite (no boolean type), boolean on PostgreSQL. */
export const boolType = (engine: Engine) => (engine === 'sqlite' ? 'integer' : 'boolean');

export const boolDefault = (engine: Engine, v: boolean) =>
  engine === 'sqlite' ? sql.raw(v ? '1' : '0') : sql.raw(v ? 'true' : 'false');

/** Money and other decimals: REAL on SQLite, NUMERIC on PostgreSQL (parsed to JS numbers). */
export const moneyType = (engine: Engine): 'real' | Expression<unknown> =>
  engine === 'sqlite' ? 'real' : sql`numeric(16,2)`;
export const realType = (engine: Engine) => (engine === 'sqlite' ? 'real' : 'double precision');

/** Database "now" in the stored time format. */
export const dbNow = (engine: Engine) =>
  engine === 'sqlite' ? sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` : sql`now()`;

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

export function check(name: string, expr: string) {
  return [name, sql.raw(expr)] as const;
}

/** Database "now" minus a number of hours, comparable with stored times (for views). */
export const dbNowMinusHours = (engine: Engine, hours: number) =>
  engine === 'sqlite'
    ? sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now',${sql.lit(`-${hours} hours`)}))`
    : sql`(now() - ${sql.lit(`${hours} hours`)}::interval)`;
