/**
 * One raw RFC 822 message → everything ingestion needs to write it: identity (Message-ID or content
 * hash), sender, received time, text, entities, category, priority, value and pattern signature.
 * Pure and CPU-bound, so it runs in the parse workers (parse.worker.ts) as well as inline.
 */
import { createHash } from 'node:crypto';
import { compile } from 'html-to-text';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { TaskPriority } from '../db/types.js';
import { automatedReason, categorise, compileRules, generalIsActionable, isAcknowledgement, prioritise } from './categorise.js';
import type { IngestConfig } from './config.js';
import { dollarValueOf, extractFromPrepared, prepareText, type Entities } from './entities.js';
import { patternSignature } from './signature.js';

export interface AnalysisContext {
  config: IngestConfig;
  /** The org's currency: amounts in it make the dollar value. */
  currency: string;
  highValueThreshold: number;
  /** The org's own names (plus config.self_names): never the customer. */
  selfNames: string[];
}

export interface AttachmentInfo {
  filename: string | null;
  content_type: string;
  size: number;
}

export interface AnalysedMessage {
  ok: true;
  seq: number;
  messageId: string | null;
  dedupeKey: string;
  subject: string;
  fromAddress: string | null;
  fromName: string | null;
  senderDomain: string | null;
  /** Date header (ms); null when missing or unreadable. */
  dateMs: number | null;
  snippet: string;
  description: string;
  entities: Entities;
  attachments: AttachmentInfo[];
  category: string;
  categoryReason: string;
  priority: TaskPriority;
  urgency: number;
  dollarValue: number;
  customerName: string | null;
  signature: string;
  /** Why no task is made (automated mail, nothing asked); undefined when it is actionable. */
  notActionable?: string;
}

export interface FailedMessage {
  ok: false;
  seq: number;
  reason: string;
  messageId: string | null;
  subject: string | null;
}

export type ParseResult = AnalysedMessage | FailedMessage;

export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
/** Regex work is bounded: the first 100k characters of a body carry its business content. */
const MAX_SCAN_CHARS = 100_000;

const FREEMAIL = new Set(
  'gmail.com googlemail.com yahoo.com yahoo.co.uk hotmail.com outlook.com live.com msn.com aol.com icloud.com me.com mac.com gmx.de gmx.net web.de proton.me protonmail.com mail.ru yandex.ru qq.com 163.com comcast.net'.split(' '),
);

const rulesCache = new Map<string, ReturnType<typeof compileRules>>();
// Every message of a job shares one config object: its rules are looked up once, not serialised per message.
let lastRules: { config: IngestConfig; rules: ReturnType<typeof compileRules> } | undefined;
function rulesFor(config: IngestConfig) {
  if (lastRules?.config === config) return lastRules.rules;
  const rules = cachedRules(config);
  lastRules = { config, rules };
  return rules;
}
function cachedRules(config: IngestConfig) {
  const key = JSON.stringify(config.rules);
  let r = rulesCache.get(key);
  if (!r) {
    if (rulesCache.size > 50) rulesCache.clear();
    r = compileRules(config);
    rulesCache.set(key, r);
  }
  return r;
}

/**
 * Mail is outside data: a NUL (raw, or decoded from a part) is dropped rather than failing the
 * message, since PostgreSQL text cannot hold it. Everything stored is derived from these strings.
 */
const noNul = (s: string) => (s.includes('\u0000') ? s.replaceAll('\u0000', '') : s);

function firstAddress(a: AddressObject | AddressObject[] | undefined): { address: string | null; name: string | null } {
  const obj = Array.isArray(a) ? a[0] : a;
  const v = obj?.value?.[0];
  const address = v?.address && noNul(v.address).trim().toLowerCase();
  return { address: address && address.includes('@') ? address : null, name: (v?.name && noNul(v.name).trim()) || null };
}

function headerText(parsed: ParsedMail, name: string): string | undefined {
  const v = parsed.headers.get(name);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return noNul(v);
  if (typeof v === 'object' && 'value' in (v as object)) return noNul(String((v as { value: unknown }).value));
  return noNul(String(v));
}

/** The new part of a reply: text before the first quoted line or attribution. */
export function newContent(text: string): string {
  const lines = text.split(/\r?\n/);
  const cut = lines.findIndex(
    (l) =>
      /^\s*>/.test(l) ||
      /^\s*On\s.{4,200}\swrote:\s*$/i.test(l) ||
      /^\s*-{2,}\s*(Original Message|Forwarded message)/i.test(l) ||
      /^\s*From:\s.+/i.test(l) ||
      /^\s*Begin forwarded message/i.test(l),
  );
  const head = (cut > 0 ? lines.slice(0, cut) : lines).join('\n').trim();
  return head || text.trim();
}

function normaliseMessageId(id: string | undefined): string | null {
  if (!id) return null;
  const v = id.trim().replace(/^<+|>+$/g, '').trim();
  return v.length >= 3 && v.length <= 900 ? v : null;
}

function domainName(domain: string | null): string | null {
  if (!domain || FREEMAIL.has(domain)) return null;
  const parts = domain.split('.');
  const core = parts.length >= 3 && parts.at(-2)!.length <= 3 ? parts.at(-3)! : parts.at(-2) ?? parts[0]!;
  if (!core) return null;
  return core
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * HTML-only mail (including multipart/related, where mailparser gives no text) is converted here,
 * with table cells kept apart ("Due | 31.03.2026", not "Due31.03.2026") and images and links dropped.
 */
const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'table', format: 'dataTable', options: { colSpacing: 3, maxColumnWidth: 200 } },
  ],
};

// Compiled once: html-to-text builds its selector matcher per options object, which dominates small mails.
const htmlToText = compile(HTML_OPTIONS);

function bodyText(parsed: ParsedMail): string {
  if (parsed.text && parsed.text.trim()) return parsed.text;
  if (typeof parsed.html === 'string' && parsed.html.trim()) {
    try {
      return htmlToText(parsed.html.slice(0, 2 * MAX_SCAN_CHARS));
    } catch {
      return parsed.html.replace(/<[^>]*>/g, ' ');
    }
  }
  return parsed.text ?? '';
}

/**
 * Only what analysis reads: no text→HTML or HTML→text rendering (bodyText converts HTML itself),
 * no link or cid: image rewriting (keepCidLinks also saves simpleParser an event-loop turn per
 * message), and no MD5 of attachment content — we record attachments' names, types and sizes only.
 * `checksumAlgo: false` is mailparser's documented switch, missing from @types/mailparser 3.4.
 */
const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  keepCidLinks: true,
  checksumAlgo: false as unknown as string,
};

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

type Sender = ReturnType<typeof firstAddress>;

function failed(seq: number, reason: string, messageId: string | null = null, subject: string | null = null): FailedMessage {
  return { ok: false, seq, reason, messageId, subject };
}

/** Empty or oversized input is refused before it is parsed. */
function refuseRaw(raw: Buffer | string, seq: number): FailedMessage | undefined {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (size === 0 || (typeof raw === 'string' ? raw.trim() === '' : raw.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09))) {
    return failed(seq, 'Empty message');
  }
  if (size > MAX_MESSAGE_BYTES) return failed(seq, `Message is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES}`);
  return undefined;
}

/** What parsed but is no mail, or carries nothing at all. */
function refuseParsed(parsed: ParsedMail, seq: number, messageId: string | null, subject: string, from: Sender): FailedMessage | undefined {
  const hasHeaders = ['from', 'subject', 'date', 'message-id', 'to'].some((h) => parsed.headers.has(h));
  if (!hasHeaders) return failed(seq, 'Not an email message: no From, To, Subject, Date or Message-ID header', messageId, subject || null);
  if (!from.address && !subject && !(parsed.text ?? '').trim() && !parsed.html && parsed.attachments.length === 0) {
    return failed(seq, 'Message has no sender, no subject and no body', messageId);
  }
  return undefined;
}

export async function analyseMessage(raw: Buffer | string, seq: number, ctx: AnalysisContext): Promise<ParseResult> {
  const refused = refuseRaw(raw, seq);
  if (refused) return refused;
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, PARSER_OPTIONS);
  } catch (e) {
    return failed(seq, noNul(`MIME parse error: ${(e as Error).message ?? String(e)}`));
  }
  const messageId = normaliseMessageId(parsed.messageId && noNul(parsed.messageId));
  const subject = collapse(noNul(parsed.subject ?? ''));
  const from = firstAddress(parsed.from);
  return refuseParsed(parsed, seq, messageId, subject, from) ?? analyseParsed(parsed, seq, ctx, messageId, subject, from);
}

function analyseParsed(parsed: ParsedMail, seq: number, ctx: AnalysisContext, messageId: string | null, subject: string, from: Sender): AnalysedMessage {
  const dateMs = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.getTime() : null;
  const text = noNul(bodyText(parsed).slice(0, MAX_SCAN_CHARS));
  const senderDomain = from.address ? from.address.split('@')[1]! : null;
  const referenceYear = new Date(dateMs ?? Date.now()).getUTCFullYear();
  const scanBody = prepareText(text);
  const entities = extractFromPrepared(`${prepareText(subject)}\n\n${scanBody}`, { referenceYear, selfNames: ctx.selfNames });
  const fresh = newContent(text);
  const cat = categorise(subject, scanBody, entities, rulesFor(ctx.config), ctx.config.min_score);
  const dollarValue = dollarValueOf(entities, ctx.currency);
  const pri = priorityOf(parsed, ctx, { subject, fresh, dollarValue, category: cat.category });
  const notActionable = notActionableReason(parsed, ctx, { from, subject, fresh, entities, category: cat.category });
  return {
    ok: true,
    seq,
    messageId,
    dedupeKey: dedupeKeyOf(parsed, messageId, from, subject, text),
    subject,
    fromAddress: from.address,
    fromName: from.name,
    senderDomain,
    dateMs,
    snippet: collapse(fresh.slice(0, 1000)).slice(0, 280),
    description: fresh.slice(0, 4000),
    entities,
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ? noNul(a.filename) : null, content_type: noNul(a.contentType), size: a.size })),
    category: cat.category,
    categoryReason: `${cat.reason}; ${pri.reason}`,
    priority: pri.priority,
    urgency: { CRITICAL: 1, HIGH: 0.75, MEDIUM: 0.5, NORMAL: 0.25 }[pri.priority],
    dollarValue,
    customerName: entities.customers[0] ?? domainName(senderDomain),
    signature: patternSignature(cat.category, senderDomain, subject),
    ...(notActionable ? { notActionable } : {}),
  };
}

function priorityOf(parsed: ParsedMail, ctx: AnalysisContext, m: { subject: string; fresh: string; dollarValue: number; category: string }) {
  const importance = `${headerText(parsed, 'importance') ?? ''} ${headerText(parsed, 'x-priority') ?? ''} ${headerText(parsed, 'priority') ?? ''}`;
  return prioritise({
    subject: m.subject,
    body: m.fresh,
    importanceHigh: /\bhigh\b|^\s*[12]\b|\burgent\b/i.test(importance.trim()),
    dollarValue: m.dollarValue,
    currency: ctx.currency,
    highValueThreshold: ctx.highValueThreshold,
    category: m.category,
  });
}

/** Why no task is made (automated mail, an acknowledgement, nothing asked); undefined when actionable. */
function notActionableReason(
  parsed: ParsedMail,
  ctx: AnalysisContext,
  m: { from: Sender; subject: string; fresh: string; entities: Entities; category: string },
): string | undefined {
  const automated = automatedReason({
    from: m.from.address ?? '',
    subject: m.subject,
    contentType: headerText(parsed, 'content-type') ?? '',
    autoSubmitted: headerText(parsed, 'auto-submitted'),
    precedence: headerText(parsed, 'precedence'),
    listUnsubscribe: parsed.headers.has('list-unsubscribe'),
    autoReply: parsed.headers.has('x-autoreply') || parsed.headers.has('x-autorespond'),
    ignoreDomains: ctx.config.ignore_domains,
  });
  if (automated) return automated;
  if (isAcknowledgement(m.fresh, m.entities)) return 'not actionable: acknowledgement only';
  if (m.category === 'General' && !generalIsActionable(m.subject, m.fresh, m.entities)) return 'not actionable: no request and no business data';
  return undefined;
}

/** The Message-ID, or without one a hash of sender, Date header, subject and text. */
function dedupeKeyOf(parsed: ParsedMail, messageId: string | null, from: Sender, subject: string, text: string): string {
  if (messageId) return `mid:${messageId}`;
  const hash = createHash('sha256').update(`${from.address ?? ''}\n${headerText(parsed, 'date') ?? ''}\n${subject}\n${text}`).digest('hex');
  return `sha256:${hash.slice(0, 40)}`;
}
