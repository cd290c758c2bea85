/**
 * CSV (RFC 4180) for list exports: a header line, then one line per row, CRLF line ends, fields
 * quoted when they hold a comma, a quote or a line break. Pure and streaming: rows come in pages
 * and leave as text chunks, so an export of any size holds one page at a time.
 */

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/**
 * A text cell starting with = + - @ (or a tab / carriage return) is read as a formula by
 * spreadsheet programs: a subject line like `=HYPERLINK(...)` from an inbound email would run
 * when an operator opens the export. Such cells get a leading apostrophe (OWASP's advice for CSV
 * injection); numbers are written as numbers and never changed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The header, then each page's rows as one chunk of text. */
export async function* csvChunks<T>(columns: readonly CsvColumn<T>[], pages: AsyncIterable<readonly T[]>): AsyncGenerator<string> {
  yield csvLine(columns.map((c) => c.header));
  for await (const rows of pages) {
    let chunk = '';
    for (const row of rows) chunk += csvLine(columns.map((c) => c.value(row)));
    if (chunk) yield chunk;
  }
}
