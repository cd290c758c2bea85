/**
 * Rule-based entity extraction from business mail: document numbers (PO, quote, invoice, order,
 * tracking), company names, money amounts with currency, dates mentioned and phone numbers.
 *
 * Order matters: document numbers are taken first and their spans are reserved, so a date or phone
 * pattern never re-reads part of an id; money needs a currency marker, so an id or a phone number is
 * never mistaken for a price. Quote-attribution lines ("On … wrote:", "Sent: …") are dropped before
 * scanning: their dates describe the thread, not the business. The pattern tables are in
 * entity-patterns.ts; this file applies them.
 */
import {
  ATTRIBUTION,
  COMPANY_JA_RE,
  COMPANY_LABEL_RE,
  COMPANY_RE,
  CURRENCY_SYMBOLS,
  DATE_RULES,
  ID_RULES,
  LEADING_STOP,
  LIST_NEXT,
  MONEY_POST,
  MONEY_PRE,
  MULTIPLIERS,
  NOT_IDS,
  ONLY_SUFFIX,
  PHONE_RULES,
  TABLE_HEADERS,
  TABLE_ID,
  TRAILING_SUFFIX,
  type IdRule,
} from './entity-patterns.js';

export interface Amount {
  value: number;
  currency: string;
  text: string;
}

export interface Entities {
  po_numbers: string[];
  quote_numbers: string[];
  invoice_numbers: string[];
  order_numbers: string[];
  tracking_numbers: string[];
  customers: string[];
  amounts: Amount[];
  /** ISO dates (YYYY-MM-DD) mentioned in the text. */
  dates: string[];
  /** Digits with a leading + when the number was written with a country code. */
  phones: string[];
}

export const ENTITY_TYPES = [
  'po_numbers',
  'quote_numbers',
  'invoice_numbers',
  'order_numbers',
  'tracking_numbers',
  'customers',
  'amounts',
  'dates',
  'phones',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface ExtractOptions {
  /** Year for dates written without one ("March 15"): the message's year. */
  referenceYear: number;
  /** Our own company names: never reported as customers (they sign every reply we quote). */
  selfNames?: string[];
  /** Read 03/04/2026 as the 3rd of April (European and most other mail), not March 4th (US). */
  dayFirst?: boolean;
}

type Span = [number, number];

// ------------------------------------------------------------------ text preparation

/** Drops quote markers and attribution lines, and blanks e-mail addresses and URLs. */
export function prepareText(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/^(\s*>)+\s?/, '');
    if (ATTRIBUTION.some((re) => re.test(line))) continue;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    // The lookbehind starts a match only where an address can start: without it every character
    // of every word began a scan to the word's end (quadratic per word; 5% of analysis time).
    .replace(/(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ');
}

// ------------------------------------------------------------------ document numbers

function overlaps(spans: Span[], s: number, e: number): boolean {
  return spans.some(([a, b]) => s < b && e > a);
}

function pushUnique(list: string[], v: string): void {
  if (!list.some((x) => x.toLowerCase() === v.toLowerCase())) list.push(v);
}

function extractIds(text: string, out: Entities, reserved: Span[]): void {
  for (const rule of ID_RULES) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      const token = m[m.length - 1]!;
      const id = token.toUpperCase();
      if (!/\d/.test(id) || NOT_IDS.has(id)) continue;
      if (rule.labelled) {
        const marker = m.length > 2 ? m[1] : undefined;
        const digits = id.replace(/\D/g, '').length;
        if (!marker && !/[A-Z]/.test(id) && digits < 4) continue;
        if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(id)) continue; // a date after "order of"
      }
      const start = m.index! + m[0].length - token.length;
      const end = start + token.length;
      if (overlaps(reserved, start, end)) continue;
      reserved.push([start, end]);
      pushUnique(out[rule.kind], token);
      if (rule.labelled) listedIds(text, end, rule, out, reserved);
    }
  }
}

function listedIds(text: string, from: number, rule: IdRule, out: Entities, reserved: Span[]): void {
  LIST_NEXT.lastIndex = from;
  for (let m = LIST_NEXT.exec(text); m; m = LIST_NEXT.exec(text)) {
    const token = m[1]!;
    const id = token.toUpperCase();
    const digits = id.replace(/\D/g, '').length;
    if (!/\d/.test(id) || (!/[A-Z]/.test(id) && digits < 4)) break;
    const end = m.index + m[0].length;
    const start = end - token.length;
    if (overlaps(reserved, start, end)) break;
    reserved.push([start, end]);
    pushUnique(out[rule.kind], token);
  }
}

const CELL_SPLIT = /\s*\|\s*|\t+|\s{2,}/;
const DATE_LIKE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;

/**
 * Ids in the columns of a table: a header row naming a document column ("INVOICE   DATE   AMOUNT"
 * as HTML tables render, or "Invoice | Date | Amount"), then the rows under it until a blank line.
 * Cells are split on tabs, pipes or runs of spaces, so a cell keeps its single spaces.
 */
function tableIds(text: string, out: Entities, reserved: Span[]): void {
  let offset = 0;
  let columns: Array<{ index: number; kind: IdRule['kind'] }> = [];
  for (const line of text.split('\n')) {
    const cells = line.trim().replace(/^\||\|$/g, '').trim().split(CELL_SPLIT);
    if (!line.trim()) columns = [];
    else if (cells.length >= 2) {
      const header = cells.flatMap((c, index) => {
        const h = TABLE_HEADERS.find((t) => t.re.test(c.replace(/[:#]$/, '').trim()));
        return h ? [{ index, kind: h.kind }] : [];
      });
      if (header.length > 0 && header.length < cells.length) columns = header;
      else if (columns.length > 0) {
        for (const col of columns) {
          const cell = cells[col.index]?.replace(/^#/, '');
          if (!cell || !TABLE_ID.test(cell) || !/\d/.test(cell) || DATE_LIKE.test(cell)) continue;
          if (!/[A-Z]/i.test(cell) && cell.replace(/\D/g, '').length < 4) continue;
          const start = offset + line.indexOf(cell);
          const end = start + cell.length;
          if (overlaps(reserved, start, end)) continue;
          reserved.push([start, end]);
          pushUnique(out[col.kind], cell);
        }
      }
    }
    offset += line.length + 1;
  }
}

// ------------------------------------------------------------------ money

/** "1,200.50", "1.200,50", "4'500", "12.5" → a number; the last separator is decimal unless it groups thousands. */
export function parseNumber(text: string, hasMultiplier: boolean): number {
  const s = text.replace(/[' \u00a0\u202f]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    normal = lastDot > lastComma ? s.replace(/,/g, '') : s.replace(/\./g, '').replace(',', '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const grouped = new RegExp('^\\d{1,3}(\\' + sep + '\\d{3})+$').test(s);
    normal = grouped && !(hasMultiplier && sep === '.') ? s.split(sep).join('') : s.replace(sep, '.');
  } else normal = s;
  return Number(normal);
}

function extractAmounts(text: string, out: Entities, reserved: Span[]): void {
  const found: Array<{ start: number; amount: Amount }> = [];
  const add = (m: RegExpMatchArray, cur: string, num: string, mult: string | undefined) => {
    const start = m.index!;
    const end = start + m[0].length;
    if (overlaps(reserved, start, end)) return;
    const currency = CURRENCY_SYMBOLS[cur.toUpperCase()] ?? CURRENCY_SYMBOLS[cur];
    if (!currency) return;
    let value = parseNumber(num, !!mult);
    if (mult) value *= MULTIPLIERS[mult.toLowerCase()] ?? 1;
    if (!Number.isFinite(value) || value <= 0) return;
    reserved.push([start, end]);
    found.push({ start, amount: { value: Math.round(value * 100) / 100, currency, text: m[0].trim() } });
  };
  for (const m of text.matchAll(MONEY_PRE)) add(m, m[1]!, m[2]!, m[3]);
  for (const m of text.matchAll(MONEY_POST)) add(m, m[3]!, m[1]!, m[2]);
  found.sort((a, b) => a.start - b.start);
  for (const f of found) {
    if (!out.amounts.some((a) => a.value === f.amount.value && a.currency === f.amount.currency)) out.amounts.push(f.amount);
  }
}

// ------------------------------------------------------------------ dates

function validDate(y: number, mo: number, d: number): string | undefined {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1) return undefined;
  return dt.toISOString().slice(0, 10);
}

function extractDates(text: string, out: Entities, reserved: Span[], year: number, dayFirst: boolean): void {
  for (const rule of DATE_RULES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (overlaps(reserved, start, end)) continue;
      const parts = rule.read(m, year, dayFirst);
      const iso = parts && validDate(...parts);
      if (!iso) continue;
      reserved.push([start, end]);
      pushUnique(out.dates, iso);
    }
  }
}

// ------------------------------------------------------------------ phones

function extractPhones(text: string, out: Entities, reserved: Span[]): void {
  for (const re of PHONE_RULES) {
    for (const m of text.matchAll(re)) {
      const body = m[1]!.trim();
      const start = m.index! + m[0].indexOf(body);
      const end = start + body.length;
      if (overlaps(reserved, start, end)) continue;
      const digits = body.replace(/\D/g, '');
      if (digits.length < 7 || digits.length > 15) continue;
      reserved.push([start, end]);
      pushUnique(out.phones, (body.startsWith('+') ? '+' : '') + digits);
    }
  }
}

// ------------------------------------------------------------------ companies

export function normaliseCompany(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .replace(/,(?=\s*\S+$)/, '')
    .replace(/[.,;:]+$/, '')
    .trim();
}

function companyCore(name: string): string {
  return normaliseCompany(name)
    .toLowerCase()
    .replace(TRAILING_SUFFIX, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function extractCompanies(text: string, out: Entities, selfNames: string[]): void {
  const self = new Set(selfNames.map(companyCore).filter(Boolean));
  const add = (raw: string) => {
    const words = normaliseCompany(raw).split(' ');
    while (words.length > 1 && LEADING_STOP.has(words[0]!.toLowerCase().replace(/[^a-z]/g, ''))) words.shift();
    const name = words.join(' ');
    const core = companyCore(name);
    if (!core || core.length < 2 || self.has(core)) return;
    if (ONLY_SUFFIX.test(name)) return;
    pushUnique(out.customers, name);
  };
  for (const m of text.matchAll(COMPANY_RE)) add(`${m[1]} ${m[2]}`);
  for (const m of text.matchAll(COMPANY_JA_RE)) add(m[1]!);
  for (const m of text.matchAll(COMPANY_LABEL_RE)) {
    const v = m[1]!.trim();
    if (!out.customers.some((c) => companyCore(c) === companyCore(v))) add(v);
  }
}

// ------------------------------------------------------------------ entry point
export function emptyEntities(): Entities {
  return {
    po_numbers: [],
    quote_numbers: [],
    invoice_numbers: [],
    order_numbers: [],
    tracking_numbers: [],
    customers: [],
    amounts: [],
    dates: [],
    phones: [],
  };
}

/** Entities of a message: subject and body (including quoted history and signature). */
export function extractEntities(subject: string, body: string, opts: ExtractOptions): Entities {
  return extractFromPrepared(`${prepareText(subject)}\n\n${prepareText(body)}`, opts);
}

/** The same on text already passed through prepareText (the analyser prepares the body once). */
export function extractFromPrepared(text: string, opts: ExtractOptions): Entities {
  const out = emptyEntities();
  const reserved: Span[] = [];
  extractIds(text, out, reserved);
  tableIds(text, out, reserved);
  extractAmounts(text, out, reserved);
  extractDates(text, out, reserved, opts.referenceYear, opts.dayFirst ?? false);
  extractPhones(text, out, reserved);
  extractCompanies(text, out, opts.selfNames ?? []);
  return out;
}

/** The task's dollar_value: the largest amount in the org's currency (other currencies stay in entities). */
export function dollarValueOf(entities: Entities, currency: string): number {
  let max = 0;
  for (const a of entities.amounts) if (a.currency === currency && a.value > max) max = a.value;
  return max;
}
