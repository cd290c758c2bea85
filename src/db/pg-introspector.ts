/**
 * PostgreSQL introspection limited to the schemas on this connection's search_path.
 *
 * Kysely's own introspector lists every table of every schema (and calls pg_get_serial_sequence on
 * each), and its Migrator runs that before every migration. When another process drops a schema at
 * the same moment — each test file drops its own, other services may share the database — the query
 * fails with `schema "…" does not exist`, and matching another schema's kysely_migration table made
 * Kysely skip creating ours. Looking only at our own schemas removes both races.
 */
import { PostgresDialect, sql, type DatabaseIntrospector, type DatabaseMetadata, type DatabaseMetadataOptions, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

interface ColumnRow {
  table: string;
  schema: string;
  is_view: boolean;
  column: string | null;
  data_type: string | null;
  data_type_schema: string | null;
  not_null: boolean | null;
  has_default: boolean | null;
  auto_increment: boolean | null;
  comment: string | null;
}

export class SearchPathIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const r = await sql<{ name: string }>`select unnest(current_schemas(false)) as name`.execute(this.db);
    return r.rows;
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const r = await sql<ColumnRow>`
      select c.relname as table, n.nspname as schema, c.relkind = 'v' as is_view,
             a.attname as column, t.typname as data_type, tn.nspname as data_type_schema,
             a.attnotnull as not_null, a.atthasdef as has_default,
             (a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false)) as auto_increment,
             col_description(c.oid, a.attnum) as comment
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_type t on t.oid = a.atttypid
      left join pg_namespace tn on tn.oid = t.typnamespace
      left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
      where n.nspname = any(current_schemas(false)) and c.relkind in ('r', 'v', 'p')
      order by n.nspname, c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, { name: string; schema: string; isView: boolean; columns: TableMetadata['columns'][number][] }>();
    for (const row of r.rows) {
      if (!options.withInternalKyselyTables && row.table.startsWith('kysely_migration')) continue;
      const key = `${row.schema}.${row.table}`;
      let t = tables.get(key);
      if (!t) tables.set(key, (t = { name: row.table, schema: row.schema, isView: row.is_view, columns: [] }));
      if (row.column === null) continue;
      t.columns.push({
        name: row.column,
        dataType: row.data_type ?? 'unknown',
        dataTypeSchema: row.data_type_schema ?? undefined,
        isNullable: !row.not_null,
        hasDefaultValue: Boolean(row.has_default),
        isAutoIncrementing: Boolean(row.auto_increment),
        comment: row.comment ?? undefined,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

/** PostgreSQL with introspection (and so Kysely's Migrator) confined to our own search_path. */
export class SearchPathPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SearchPathIntrospector(db);
  }
}
