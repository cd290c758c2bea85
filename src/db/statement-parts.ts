/**
 * Multi-row statements in parts whose sizes are powers of two (largest first, at most `max`).
 *
 * better-sqlite3 compiles SQL on every prepare and our statement cache (create-db.ts) is keyed by
 * SQL text; a multi-row INSERT's text depends on its row count, so chunks of arbitrary sizes
 * (ingestion writes ~250 messages' rows per transaction, a different count every time) compiled a
 * new 10,000-parameter statement each time. With power-of-two parts a table sees at most
 * log2(max) + 1 distinct texts, all cached after the first few chunks; the extra statements per
 * chunk (≤ 8 for 250 rows) cost far less than one compile. Harmless on PostgreSQL.
 */
export function statementParts<T>(rows: readonly T[], max: number): T[][] {
  let size = 1;
  while (size * 2 <= max) size *= 2;
  const parts: T[][] = [];
  let i = 0;
  while (i < rows.length) {
    while (size > rows.length - i) size /= 2;
    parts.push(rows.slice(i, i + size));
    i += size;
  }
  return parts;
}
