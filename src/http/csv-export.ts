/**
 * List exports as CSV: `format=csv` on a list's query, or `Accept: text/csv`. The body streams
 * (src/shared/csv.ts): pages are read as the client takes the bytes, so memory stays flat however
 * many rows match. Paging parameters do not apply: an export is every row the filters match, in the
 * list's order.
 */
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csvChunks, type CsvColumn } from '../shared/csv.js';

/** The query field that asks for CSV (beside the Accept header). */
export const formatField = z.enum(['json', 'csv']).optional().describe('csv: every matching row as CSV, streamed (paging does not apply); also Accept: text/csv');

export function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  const accept = request.headers.accept ?? '';
  // Only an explicit text/csv: browsers' and clients' usual */* or application/json keep JSON.
  return /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept) && !/(^|,)\s*application\/json\s*(,|$)/i.test(accept.split(/text\/csv/i)[0] ?? '');
}

export function sendCsv<T>(reply: FastifyReply, name: string, columns: readonly CsvColumn<T>[], pages: AsyncIterable<readonly T[]>): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(csvChunks(columns, pages)));
}
