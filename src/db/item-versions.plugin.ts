import {
  AliasNode,
  ColumnNode,
  ColumnUpdateNode,
  IdentifierNode,
  InsertQueryNode,
  OnConflictNode,
  TableNode,
  UpdateQueryNode,
  sql,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * The tables whose rows carry an optimistic-concurrency version (migration 0026), and its column.
 * `proposal.version` is the proposal's document number, so its row version is `row_version`.
 */
export const VERSION_COLUMNS = {
  workflow_tasks: 'version',
  signal: 'version',
  candidate: 'version',
  pursuit: 'version',
  proposal: 'row_version',
} as const;

const VERSIONED: ReadonlyMap<string, string> = new Map(Object.entries(VERSION_COLUMNS));

/**
 * Adds `version = <table>.version + 1` to every UPDATE (and upsert's DO UPDATE) of a versioned
 * table, in the same statement, so no write path can change an item and leave its version — and
 * with it ETag / If-Match — behind: set-based SLA passes, ingestion, reassignment and checklist
 * locks included, and whatever is written next. A trigger cannot do it on both engines: SQLite
 * triggers fire after the row is written and RETURNING answers the values from before them.
 * A statement that sets the version itself is left alone. Raw `sql` UPDATEs bypass it (none exist;
 * write items through the query builder).
 *
 * Not on the handle migrations run with: frozen migrations predate the column.
 */
export class ItemVersionsPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (UpdateQueryNode.is(node)) {
      const target = versionTarget(node.table);
      if (!target || setsColumn(node.updates, target.column)) return node;
      return UpdateQueryNode.cloneWithUpdates(node, [bump(target)]);
    }
    if (InsertQueryNode.is(node) && node.onConflict?.updates) {
      const target = versionTarget(node.into);
      if (!target || setsColumn(node.onConflict.updates, target.column)) return node;
      const onConflict = OnConflictNode.cloneWith(node.onConflict, { updates: [...node.onConflict.updates, bump(target)] });
      return { ...node, onConflict };
    }
    return node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

interface Target {
  /** The name the statement knows the table by (its alias, if any): qualifies the column read. */
  qualifier: string;
  column: string;
}

function versionTarget(table: OperationNode | undefined): Target | undefined {
  if (!table) return undefined;
  let qualifier: string | undefined;
  let inner = table;
  if (AliasNode.is(table) && IdentifierNode.is(table.alias)) {
    qualifier = table.alias.name;
    inner = table.node;
  }
  if (!TableNode.is(inner)) return undefined;
  const name = inner.table.identifier.name;
  const column = VERSIONED.get(name);
  return column === undefined ? undefined : { qualifier: qualifier ?? name, column };
}

function setsColumn(updates: readonly ColumnUpdateNode[] | undefined, column: string): boolean {
  return (updates ?? []).some((u) => ColumnNode.is(u.column) && u.column.column.name === column);
}

/** Qualified, so an UPDATE … FROM another table with a `version` column still reads ours. */
function bump(t: Target): ColumnUpdateNode {
  return ColumnUpdateNode.create(ColumnNode.create(t.column), sql`${sql.ref(`${t.qualifier}.${t.column}`)} + 1`.toOperationNode());
}
