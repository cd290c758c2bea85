/**
 * A task's entities as a person reads them: one row per kind with a human label, the task's own
 * columns (customer, PO, quote) merged into their kind instead of shown twice, empty kinds left
 * out, amounts in their currency and attachment sizes in KB/MB. The kinds are those ingestion
 * extracts (src/ingest/entities.ts, plus `attachments`); tasks made through the API may carry any
 * other keys, which get a label made from the key.
 */
import type { TaskWithHistory } from '../api/client.js';
import { bytes, money } from './format.js';

export interface EntityRow {
  kind: string;
  label: string;
  values: string[];
}

const KINDS: Record<string, [one: string, many: string]> = {
  customers: ['Customer', 'Customers'],
  po_numbers: ['PO number', 'PO numbers'],
  quote_numbers: ['Quote number', 'Quote numbers'],
  invoice_numbers: ['Invoice number', 'Invoice numbers'],
  order_numbers: ['Order number', 'Order numbers'],
  tracking_numbers: ['Tracking number', 'Tracking numbers'],
  amounts: ['Amount', 'Amounts'],
  dates: ['Date', 'Dates'],
  phones: ['Phone', 'Phones'],
  attachments: ['Attachment', 'Attachments'],
};

/** "delivery_terms" → "Delivery terms". */
function labelOf(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function formatDate(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return v;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
}

/** One value as text ('' when there is nothing to show). */
function formatValue(kind: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isRecord(v)) {
    if (typeof v.value === 'number' && (kind === 'amounts' || typeof v.currency === 'string')) {
      return money(v.value, typeof v.currency === 'string' ? v.currency : undefined, { cents: !Number.isInteger(v.value) });
    }
    if ('filename' in v || 'size' in v) {
      const about = [typeof v.content_type === 'string' ? v.content_type : '', typeof v.size === 'number' ? bytes(v.size) : ''].filter(Boolean).join(', ');
      const name = typeof v.filename === 'string' && v.filename ? v.filename : 'unnamed file';
      return about ? `${name} (${about})` : name;
    }
    if ('value' in v) return formatValue(kind, v.value);
    return Object.values(v).map((x) => formatValue(kind, x)).filter(Boolean).join(' ');
  }
  if (Array.isArray(v)) return v.map((x) => formatValue(kind, x)).filter(Boolean).join(', ');
  const s = String(v).trim();
  return kind === 'dates' ? formatDate(s) : s;
}

export function entityRows(t: Pick<TaskWithHistory, 'entities' | 'customer_name' | 'po_number' | 'quote_number'>): EntityRow[] {
  const own: Record<string, string | null> = { customers: t.customer_name, po_numbers: t.po_number, quote_numbers: t.quote_number };
  const raw = { ...(t.entities ?? {}) };
  for (const kind of Object.keys(own)) raw[kind] ??= [];
  // Known kinds first, in a fixed order, so an API key that reads like one ("customer") finds its row.
  const order = Object.keys(KINDS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const rows: EntityRow[] = [];
  for (const [kind, v] of Object.entries(raw).sort(([a], [b]) => rank(a) - rank(b))) {
    const list = Array.isArray(v) ? v : [v];
    const values: string[] = [];
    const seen = new Set<string>();
    // The task's own column first (it is what the task is known by), then what the text held.
    for (const item of [own[kind], ...list]) {
      const text = formatValue(kind, item);
      if (text && !seen.has(text.toLowerCase())) {
        seen.add(text.toLowerCase());
        values.push(text);
      }
    }
    if (values.length === 0) continue;
    const known = KINDS[kind];
    const label = known ? known[values.length === 1 ? 0 : 1] : labelOf(kind);
    // A key of the API's own that reads like a known kind ("customer") joins that row: one label per kind.
    const same = rows.find((r) => r.label.toLowerCase() === label.toLowerCase() || KINDS[r.kind]?.some((l) => l.toLowerCase() === label.toLowerCase()));
    if (same) same.values.push(...values.filter((x) => !same.values.some((y) => y.toLowerCase() === x.toLowerCase())));
    else rows.push({ kind, label, values });
  }
  for (const r of rows) {
    const known = KINDS[r.kind];
    if (known) r.label = known[r.values.length === 1 ? 0 : 1];
  }
  return rows;
}
