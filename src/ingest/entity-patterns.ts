/**
 * The pattern tables of entity extraction (entities.ts): attribution lines, document-number rules,
 * currencies and money, date formats, phone formats and company names. Compiled once per process.
 */

// ------------------------------------------------------------------ text preparation
export const ATTRIBUTION = [
  /^\s*On\s.{4,200}\s(wrote|schrieb|a écrit|escribió)\s*:\s*$/i,
  /^\s*(From|Sent|Date|To|Cc|Von|Gesendet|An|Envoyé|De|Enviado)\s*:.*$/i,
  /^\s*-{2,}\s*(Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}\s*$/i,
  /^\s*Begin forwarded message:\s*$/i,
];

// ------------------------------------------------------------------ document numbers
const ID = String.raw`([A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])){2,30})`;
const MARKER = String.raw`(?:\s*(#|no\.?|nr\.?|num(?:ber)?\.?|n[úu]mero|nummer|n\.?\s?[°º]\.?|№|ref(?:erence)?\.?|id)\s*)?`;
const SEP = String.raw`[\s:#-]*`;

export interface IdRule {
  kind: 'po_numbers' | 'quote_numbers' | 'invoice_numbers' | 'order_numbers' | 'tracking_numbers';
  re: RegExp;
  /** Labelled rules: the id needs a marker, a letter, or ≥ 4 digits (so "quote 250 units" is no id). */
  labelled: boolean;
}

// Labels also read in the plural ("invoices 30021 and 30044", "POs 4510021, 4510022"): further ids
// of such a list are picked up by listedIds.
const labelled = (label: string, extra = '') => new RegExp(String.raw`${label}s?(?![a-z])${extra}${MARKER}${SEP}${ID}`, 'gi');

// Ids written with their prefix glued on ("INV-00123", "PO-4500888", "PO4500990", "Q-98765") are
// stored as written; a prefix glued to a longer id ("2026-Q-118") is not one of them.
export const ID_RULES: IdRule[] = [
  { kind: 'tracking_numbers', re: /\bPRO(?:\s+(?:number|no\.?|#))?[\s:#]*(\d[\d-]{5,20}\d)\b/g, labelled: false },
  { kind: 'tracking_numbers', re: /\b(1Z[0-9A-Z]{16})\b/g, labelled: false },
  { kind: 'tracking_numbers', re: /\b(9[2-5]\d{20})\b/g, labelled: false },
  {
    kind: 'tracking_numbers',
    re: labelled(String.raw`\b(?:tracking|sendungsnummer|awb|waybill)`, String.raw`(?:\s+(?:number|no\.?|id|code))?`),
    labelled: true,
  },
  { kind: 'tracking_numbers', re: labelled(String.raw`\b(?:fedex|dhl|usps|ups)`, String.raw`(?:\s+tracking)?`), labelled: true },
  { kind: 'invoice_numbers', re: /(?<![\w-])(INV-?\d{3,}(?:[-/]\d+)*)\b/gi, labelled: false },
  { kind: 'invoice_numbers', re: labelled(String.raw`\b(?:invoice|inv\.?|rechnung(?:snummer|s-?nr\.?)?|factura|facture|fattura|faktura|bill(?=\s*(?:no\b|#|number)))`), labelled: true },
  { kind: 'quote_numbers', re: /(?<![\w-])(QT?-\d{3,}(?:-\d+)*)\b/g, labelled: false },
  { kind: 'quote_numbers', re: labelled(String.raw`\b(?:quote|quotation|rfq|angebot|devis|cotizaci[oó]n|offerte)`), labelled: true },
  { kind: 'po_numbers', re: /(?<![\w-])(PO-?\d{4,}(?:[-/]\d+)*(?:-[A-Z]\b)?)(?![\w-])/gi, labelled: false },
  { kind: 'po_numbers', re: labelled(String.raw`(?:\bP\.O\.|\bPO(?=s?\b)|\bpurchase[\s-]+order(?=s?\b)|\bbestellnummer\b)`, String.raw`(?:\s+(?:number|no\.?|#))?(?:\s+is\b)?`), labelled: true },
  { kind: 'order_numbers', re: /(?<![\w-])(SO-\d{3,}(?:-\d+)*)\b/g, labelled: false },
  {
    kind: 'order_numbers',
    re: labelled(String.raw`(?<!purchase[\s-]{1,3})\b(?:sales\s+order|order|auftrag|bestellung|pedido|commande)`, String.raw`(?:\s+(?:confirmation|ref(?:erence)?|id))?`),
    labelled: true,
  },
];

export const NOT_IDS = new Set(['BOX', 'NUMBER', 'NO', 'NR', 'REF', 'REFERENCE']);

/**
 * Column headers of tables that list documents ("Invoice | Date | Amount", "P.O. No.  Item  Qty"):
 * the cells under them are ids of that kind.
 */
export const TABLE_HEADERS: Array<{ kind: IdRule['kind']; re: RegExp }> = [
  { kind: 'invoice_numbers', re: /^(?:invoice|inv\.?|rechnung|factura|facture)(?:\s*(?:no\.?|nr\.?|number|num\.?|#|n\.?\s?[°º]|id))?$/i },
  { kind: 'po_numbers', re: /^(?:p\.?o\.?|purchase order|customer po|your po|po ref(?:erence)?)(?:\s*(?:no\.?|number|#|nr\.?))?$/i },
  { kind: 'quote_numbers', re: /^(?:quote|quotation|rfq)(?:\s*(?:no\.?|number|#))?$/i },
  { kind: 'order_numbers', re: /^(?:order|sales order|so)(?:\s*(?:no\.?|number|#))?$/i },
];
/** A table cell that can be an id: one token with a digit, not a date or an amount. */
export const TABLE_ID = /^[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])){2,30}$/i;

/**
 * ", 4510022 and 4510023" right after a labelled id: the same kind, each with a letter or ≥ 4 digits;
 * a short aside may follow each id ("30021 (due 02/20/2026) and 30044").
 */
export const LIST_NEXT = new RegExp(String.raw`(?:\s*\([^()\n]{1,40}\))?\s*(?:,\s*and\b|,|;|&|/|\band\b|\bund\b|\by\b|\bet\b)\s*#?\s*${ID}`, 'giy');

// ------------------------------------------------------------------ money
export const CURRENCY_SYMBOLS: Record<string, string> = {
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
export const MONEY_PRE = new RegExp(String.raw`${CUR_PRE}\s?${NUM}${MULT}`, 'g');
// Written after the number, thousands may also be grouped by plain spaces ("2 500,00 €").
const NUM_POST = String.raw`(\d{1,3}(?:[,.' \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
export const MONEY_POST = new RegExp(String.raw`(?<![\w.,])${NUM_POST}${MULT}\s?${CUR_POST}`, 'gi');

export const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

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
export const DATE_RULES: Array<{ re: RegExp; read: (m: RegExpMatchArray, year: number, dayFirst: boolean) => [number, number, number] | undefined }> = [
  { re: /\b(20\d\d)-(\d\d)-(\d\d)\b/g, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    read: (m, _year, dayFirst) => {
      let [a, b] = [Number(m[1]), Number(m[2])];
      if ((a > 12 && b <= 12) || (dayFirst && b <= 12)) [a, b] = [b, a]; // day first
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

// ------------------------------------------------------------------ phones
const PHONE_LABEL = String.raw`\b(?:tel|phone|ph|mobile|mob|cell|fax|direct|office|telefon|t|m|p|f)\.?\s*[:.]?\s*`;
const PHONE_BODY = String.raw`(\+?\d[\d\s().\-/]{5,22}\d)`;
export const PHONE_RULES = [
  new RegExp(String.raw`${PHONE_LABEL}${PHONE_BODY}`, 'gi'),
  /(?<![\w+])(\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4})\b/g,
  /(?<![\w+])(\(\d{3}\)\s?\d{3}[\s.-]\d{4})\b/g,
  /(?<![\w+-])(1[-.\s]\d{3}[-.\s]\d{3}[-.\s]\d{4})\b/g,
  /(?<![\w+-])(\d{3}[.-]\d{3}[.-]\d{4})\b/g,
];

// ------------------------------------------------------------------ companies
const SUFFIX = String.raw`(Inc\.?|INC\.?|LLC|L\.L\.C\.|Ltd\.?|LTD\.?|Limited|GmbH|Corp\.?|CORP\.?|Corporation|Co\.|Company|AG|S\.A\. de C\.V\.|S\.A\.|SAS|SARL|S\.L\.|Ltda\.?|N\.V\.|plc|PLC|B\.V\.|BV|Pty\.? Ltd\.?|LLP|S\.r\.l\.|SpA|S\.p\.A\.)`;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{N}&'’.-]*|&|and|of|de)`;
export const COMPANY_RE = new RegExp(String.raw`((?:\p{Lu}[\p{L}\p{N}&'’.-]*)(?:[ \t]+${NAME_WORD}){0,5}),?[ \t]+${SUFFIX}(?![\p{L}\p{N}])`, 'gu');
/** Japanese company names carry 株式会社 (kabushiki kaisha) before or after the name. */
export const COMPANY_JA_RE = /([\p{Script=Han}\p{Script=Katakana}ー]{2,20}株式会社|株式会社[\p{Script=Han}\p{Script=Katakana}ー]{2,20})/gu;
export const COMPANY_LABEL_RE = /^[ \t]*(?:company|customer|client|account|organi[sz]ation|firma)[ \t]*:[ \t]*([^\n]{2,60})$/gim;
export const LEADING_STOP = new Set(
  'dear hi hello hey the from to thanks thank regards at for our your with and re fw fwd subject customer company client team attn attention bill ship sold cc best sincerely cheers kind on behalf of per via by in'.split(
    ' ',
  ),
);

export const TRAILING_SUFFIX = new RegExp(String.raw`[ ,]+${SUFFIX}$`, 'i');
export const ONLY_SUFFIX = new RegExp(String.raw`^${SUFFIX}$`);
