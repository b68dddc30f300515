// Counts the writes this process made to each table, so an in-memory cache of rarely changed rows
// (MxDC's project, beamline and automounter look-ups) can tell at once that an answer may have
// changed, without asking the database. Counted after each insert, update or delete statement ran;
// writes of other processes are not seen here (caches bound those by a short lifetime).
import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryId, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

const counts = new Map<string, number>();

/** Grows whenever this process writes to one of `tables`; compare two readings to see a change. */
export function tableWrites(tables: readonly string[]): number {
  let total = 0;
  for (const table of tables) total += counts.get(table) ?? 0;
  return total;
}

function tableName(node: OperationNode | undefined): string | null {
  if (!node) return null;
  if (node.kind === 'AliasNode') return tableName((node as unknown as { node: OperationNode }).node);
  if (node.kind === 'TableNode') return (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
  return null;
}

function writtenTables(node: RootOperationNode): string[] {
  switch (node.kind) {
    case 'InsertQueryNode': return [tableName(node.into)].filter((t): t is string => t !== null);
    case 'UpdateQueryNode': return [tableName(node.table)].filter((t): t is string => t !== null);
    case 'DeleteQueryNode': return node.from.froms.map(tableName).filter((t): t is string => t !== null);
    case 'MergeQueryNode': return [tableName(node.into)].filter((t): t is string => t !== null);
    default: return [];
  }
}

export class TableWritesPlugin implements KyselyPlugin {
  private readonly pending = new WeakMap<QueryId, string[]>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind !== 'SelectQueryNode') {
      const tables = writtenTables(args.node);
      if (tables.length > 0) this.pending.set(args.queryId, tables);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const tables = this.pending.get(args.queryId);
    if (tables) {
      this.pending.delete(args.queryId);
      for (const table of tables) counts.set(table, (counts.get(table) ?? 0) + 1);
    }
    return args.result;
  }
}
