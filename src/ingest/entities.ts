/**
 * Rule-based entity extraction from business mail: document numbers (PO, quote, invoice, order,
 * tracking), company names, money amounts with currency, dates mentioned and phone numbers.
 *
 * Order matters: document numbers are taken first and their spans are reserved, so a date or phone
 * pattern never re-reads part of an id; money needs a currency marker, so an id or a phone number is
 * never mistaken for a price. Quote-attribution lines ("On … wrote:", "Sent: …") are dropped before
 * scanning: their dates describe the thread, not the business.
 */

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
}

type Span = [number, number];

// ------------------------------------------------------------------ text preparation
const ATTRIBUTION = [
  /^\s*On\s.{4,200}\s(wrote|schrieb|a écrit|escribió)\s*:\s*$/i,
  /^\s*(From|Sent|Date|To|Cc|Von|Gesendet|An|Envoyé|De|Enviado)\s*:.*$/i,
  /^\s*-{2,}\s*(Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}\s*$/i,
  /^\s*Begin forwarded message:\s*$/i,
];

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
const ID = String.raw`([A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])){2,30})`;
const MARKER = String.raw`(?:\s*(#|no\.?|nr\.?|num(?:ber)?\.?|n[°º]|№|ref(?:erence)?\.?)\s*)?`;
const SEP = String.raw`[\s:#-]*`;

interface IdRule {
  kind: 'po_numbers' | 'quote_numbers' | 'invoice_numbers' | 'order_numbers' | 'tracking_numbers';
  re: RegExp;
  /** Labelled rules: the id needs a marker, a letter, or ≥ 4 digits (so "quote 250 units" is no id). */
  labelled: boolean;
  normalise?: (id: string) => string;
}

// Labels also read in the plural ("invoices 30021 and 30044", "POs 4510021, 4510022"): further ids
// of such a list are picked up by listedIds.
const labelled = (label: string, extra = '') => new RegExp(String.raw`${label}s?(?![a-z])${extra}${MARKER}${SEP}${ID}`, 'gi');
const stripPo = (id: string) => id.replace(/^P\.?O[-#.]?(?=\d)/, '');

const ID_RULES: IdRule[] = [
  { kind: 'tracking_numbers', re: /\b(1Z[0-9A-Z]{16})\b/g, labelled: false },
  { kind: 'tracking_numbers', re: /\b(9[2-5]\d{20})\b/g, labelled: false },
  {
    kind: 'tracking_numbers',
    re: labelled(String.raw`\b(?:tracking|sendungsnummer|awb|waybill)`, String.raw`(?:\s+(?:number|no\.?|id|code))?`),
    labelled: true,
  },
  { kind: 'tracking_numbers', re: labelled(String.raw`\b(?:fedex|dhl|usps|ups)`, String.raw`(?:\s+tracking)?`), labelled: true },
  { kind: 'invoice_numbers', re: /\b(INV-?\d{3,}(?:[-/]\d+)*)\b/gi, labelled: false },
  { kind: 'invoice_numbers', re: labelled(String.raw`\b(?:invoice|rechnung|factura|facture)`), labelled: true },
  { kind: 'quote_numbers', re: /\b(QT?-\d{3,}(?:-\d+)*)\b/g, labelled: false },
  { kind: 'quote_numbers', re: labelled(String.raw`\b(?:quote|quotation|rfq|angebot|devis|cotizaci[oó]n|offerte)`), labelled: true },
  { kind: 'po_numbers', re: labelled(String.raw`(?:\bP\.O\.|\bPO(?=s?\b)|\bpurchase[\s-]+order(?=s?\b)|\bbestellnummer\b)`), labelled: true, normalise: stripPo },
  { kind: 'order_numbers', re: /\b(SO-\d{3,}(?:-\d+)*)\b/g, labelled: false },
  {
    kind: 'order_numbers',
    re: labelled(String.raw`(?<!purchase[\s-]{1,3})\b(?:sales\s+order|order|auftrag|bestellung|pedido|commande)`, String.raw`(?:\s+(?:confirmation|ref(?:erence)?|id))?`),
    labelled: true,
  },
];

const NOT_IDS = new Set(['BOX', 'NUMBER', 'NO', 'NR', 'REF', 'REFERENCE']);

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
      pushUnique(out[rule.kind], rule.normalise ? rule.normalise(id) : id);
      if (rule.labelled) listedIds(text, end, rule, out, reserved);
    }
  }
}

/** ", 4510022 and 4510023" right after a labelled id: the same kind, each with a letter or ≥ 4 digits. */
const LIST_NEXT = new RegExp(String.raw`\s*(?:,\s*and\b|,|;|&|/|\band\b|\bund\b|\by\b|\bet\b)\s*#?\s*${ID}`, 'giy');

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
    pushUnique(out[rule.kind], rule.normalise ? rule.normalise(id) : id);
  }
}

// ------------------------------------------------------------------ money
const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  USD: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  CAD: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  AUD: 'AUD',
  '€': 'EUR',
  EUR: 'EUR',
  EURO: 'EUR',
  EUROS: 'EUR',
  '£': 'GBP',
  GBP: 'GBP',
  '¥': 'JPY',
  JPY: 'JPY',
  '₹': 'INR',
  INR: 'INR',
  CHF: 'CHF',
  SEK: 'SEK',
  NOK: 'NOK',
  DKK: 'DKK',
  MXN: 'MXN',
  DOLLARS: 'USD',
};
const CUR_PRE = String.raw`(US\$|C\$|CA\$|A\$|AU\$|\$|€|£|¥|₹|\b(?:USD|EUR|GBP|CAD|AUD|JPY|INR|CHF|SEK|NOK|DKK|MXN)\b)`;
const CUR_POST = String.raw`(€|\$|£|\b(?:USD|EUR|GBP|CAD|AUD|JPY|INR|CHF|SEK|NOK|DKK|MXN|euros?|dollars)\b)`;
const NUM = String.raw`(\d{1,3}(?:[,.'\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const MULT = String.raw`(?:\s?(k|K|m|M|MM|mm|bn|million|thousand|billion)\b)?`;
const MONEY_PRE = new RegExp(String.raw`${CUR_PRE}\s?${NUM}${MULT}`, 'g');
// Written after the number, thousands may also be grouped by plain spaces ("2 500,00 €").
const NUM_POST = String.raw`(\d{1,3}(?:[,.' \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const MONEY_POST = new RegExp(String.raw`(?<![\w.,])${NUM_POST}${MULT}\s?${CUR_POST}`, 'gi');

const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

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
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Spanish, German and French month names (day first: "20 de abril de 2026", "15. Mai 2026", "3 avril"). */
const FOREIGN_MONTHS: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12,
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
};
const FOREIGN_MONTH = `(${Object.keys(FOREIGN_MONTHS).join('|')})`;
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE_RULES: Array<{ re: RegExp; read: (m: RegExpMatchArray, year: number) => [number, number, number] | undefined }> = [
  { re: /\b(20\d\d)-(\d\d)-(\d\d)\b/g, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    read: (m) => {
      let [a, b] = [Number(m[1]), Number(m[2])];
      if (a > 12 && b <= 12) [a, b] = [b, a]; // day first
      const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      return [y, a, b];
    },
  },
  { re: /\b(\d{1,2})\.(\d{1,2})\.(20\d\d)\b/g, read: (m) => [Number(m[3]), Number(m[2]), Number(m[1])] },
  {
    re: new RegExp(String.raw`\b${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(20\d\d)\b)?`, 'gi'),
    read: (m, year) => [m[3] ? Number(m[3]) : year, MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, Number(m[2])],
  },
  {
    re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_NAME}(?:,?\s+(20\d\d)\b)?`, 'gi'),
    read: (m, year) => [m[3] ? Number(m[3]) : year, MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, Number(m[1])],
  },
  {
    // No 'u' flag: unicode mode made this one rule cost as much as all the others.
    re: new RegExp(String.raw`\b(\d{1,2})\.?\s+(?:de\s+)?${FOREIGN_MONTH}(?![a-zà-ÿ])(?:,?\s+(?:de\s+)?(20\d\d)\b)?`, 'gi'),
    read: (m, year) => [m[3] ? Number(m[3]) : year, FOREIGN_MONTHS[m[2]!.toLowerCase()]!, Number(m[1])],
  },
];

function validDate(y: number, mo: number, d: number): string | undefined {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1) return undefined;
  return dt.toISOString().slice(0, 10);
}

function extractDates(text: string, out: Entities, reserved: Span[], year: number): void {
  for (const rule of DATE_RULES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (overlaps(reserved, start, end)) continue;
      const parts = rule.read(m, year);
      const iso = parts && validDate(...parts);
      if (!iso) continue;
      reserved.push([start, end]);
      pushUnique(out.dates, iso);
    }
  }
}

// ------------------------------------------------------------------ phones
const PHONE_LABEL = String.raw`\b(?:tel|phone|ph|mobile|mob|cell|fax|direct|office|telefon|t|m|p|f)\.?\s*[:.]?\s*`;
const PHONE_BODY = String.raw`(\+?\d[\d\s().\-/]{5,22}\d)`;
const PHONE_RULES = [
  new RegExp(String.raw`${PHONE_LABEL}${PHONE_BODY}`, 'gi'),
  /(?<![\w+])(\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4})\b/g,
  /(?<![\w+])(\(\d{3}\)\s?\d{3}[\s.-]\d{4})\b/g,
  /(?<![\w+-])(1[-.\s]\d{3}[-.\s]\d{3}[-.\s]\d{4})\b/g,
  /(?<![\w+-])(\d{3}[.-]\d{3}[.-]\d{4})\b/g,
];

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
const SUFFIX = String.raw`(Inc\.?|INC\.?|LLC|L\.L\.C\.|Ltd\.?|LTD\.?|Limited|GmbH|Corp\.?|CORP\.?|Corporation|Co\.|Company|AG|S\.A\. de C\.V\.|S\.A\.|SAS|SARL|S\.L\.|Ltda\.?|N\.V\.|plc|PLC|B\.V\.|BV|Pty\.? Ltd\.?|LLP|S\.r\.l\.|SpA|S\.p\.A\.)`;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{N}&'’.-]*|&|and|of|de)`;
const COMPANY_RE = new RegExp(String.raw`((?:\p{Lu}[\p{L}\p{N}&'’.-]*)(?:[ \t]+${NAME_WORD}){0,5}),?[ \t]+${SUFFIX}(?![\p{L}\p{N}])`, 'gu');
/** Japanese company names carry 株式会社 (kabushiki kaisha) before or after the name. */
const COMPANY_JA_RE = /([\p{Script=Han}\p{Script=Katakana}ー]{2,20}株式会社|株式会社[\p{Script=Han}\p{Script=Katakana}ー]{2,20})/gu;
const COMPANY_LABEL_RE = /^[ \t]*(?:company|customer|client|account|organi[sz]ation|firma)[ \t]*:[ \t]*([^\n]{2,60})$/gim;
const LEADING_STOP = new Set(
  'dear hi hello hey the from to thanks thank regards at for our your with and re fw fwd subject customer company client team attn attention bill ship sold cc best sincerely cheers kind on behalf of per via by in'.split(
    ' ',
  ),
);

export function normaliseCompany(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .replace(/,(?=\s*\S+$)/, '')
    .replace(/[.,;:]+$/, '')
    .trim();
}

const TRAILING_SUFFIX = new RegExp(String.raw`[ ,]+${SUFFIX}$`, 'i');
const ONLY_SUFFIX = new RegExp(String.raw`^${SUFFIX}$`);

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
  extractAmounts(text, out, reserved);
  extractDates(text, out, reserved, opts.referenceYear);
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
