import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';

/**
 * better-sqlite3 binds only numbers, strings, bigints, buffers and null. This plugin lets domain code
 * pass booleans and Dates on both engines: booleans become 0/1 and Dates ISO-8601 text (the stored
 * time format), so no repository needs to know which engine it runs on.
 */
function convert(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  return v;
}

class ValueTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const base = super.transformValue(node);
    const value = convert(base.value);
    return value === base.value ? base : { ...base, value };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    const base = super.transformPrimitiveValueList(node);
    return { ...base, values: base.values.map(convert) };
  }
}

export class SqliteValuesPlugin implements KyselyPlugin {
  readonly #transformer = new ValueTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
