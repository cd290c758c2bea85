/**
 * One raw RFC 822 message → everything ingestion needs to write it: identity (Message-ID or content
 * hash), sender, received time, text, entities, category, priority, value and pattern signature.
 * Pure and CPU-bound, so it runs in the parse workers (parse.worker.ts) as well as inline.
 */
import { createHash } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { TaskPriority } from '../db/types.js';
import { categorise, compileRules, prioritise } from './categorise.js';
import type { IngestConfig } from './config.js';
import { dollarValueOf, extractFromPrepared, prepareText, type Entities } from './entities.js';
import { judge, type Verdict } from './judge.js';
import { collapse, noNul, viewOf, type AttachmentInfo, type MailView } from './mail-view.js';
import { ownText } from './own-text.js';
import { patternSignature } from './signature.js';
import { threadFieldsOf, type ThreadFields } from './thread-keys.js';

export type { AttachmentInfo } from './mail-view.js';

export interface AnalysisContext {
  config: IngestConfig;
  /** The org's currency: amounts in it make the dollar value. */
  currency: string;
  highValueThreshold: number;
  /** The org's own names (plus config.self_names): never the customer. */
  selfNames: string[];
}

export interface AnalysedMessage extends ThreadFields {
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
  /** For a task: the rule that made it one, the category's score and the priority's reasons. */
  categoryReason: string;
  priority: TaskPriority;
  urgency: number;
  dollarValue: number;
  customerName: string | null;
  signature: string;
  /** Why no task is made ("auto-reply (Auto-Submitted: auto-replied)", "information only: …"); undefined for a task. */
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
 * Only what analysis reads: no text→HTML or HTML→text rendering (mail-view.ts converts HTML itself),
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
  // A header block cannot be larger than its message, which is already bounded (MAX_MESSAGE_BYTES);
  // mailparser's own 1 MB default failed whole messages over one absurd References line, and its
  // header parsing is linear (a 25 MB header block parses in about a second).
  maxHeadSize: MAX_MESSAGE_BYTES,
};

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

/** What parsed but is no mail, or has nothing a person could read. */
function refuseParsed(mail: MailView, seq: number): FailedMessage | undefined {
  const hasHeaders = ['from', 'subject', 'date', 'message-id', 'to'].some((h) => mail.hasHeader(h));
  if (!hasHeaders) return failed(seq, 'Not an email message: no From, To, Subject, Date or Message-ID header', mail.messageId, mail.subject || null);
  if (!mail.subject && !mail.text.trim()) {
    const names = mail.attachments.map((a) => a.filename ?? a.content_type);
    const only = names.length ? `, only ${names.length} attachment${names.length > 1 ? 's' : ''} (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})` : '';
    return failed(seq, `No readable text: no subject and no text part${only}`, mail.messageId);
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
    return failed(seq, noNul(`MIME parse error: ${e instanceof Error ? e.message : String(e)}`));
  }
  const mail = viewOf(parsed, raw);
  return refuseParsed(mail, seq) ?? analyseParsed(mail, seq, ctx);
}

function analyseParsed(mail: MailView, seq: number, ctx: AnalysisContext): AnalysedMessage {
  const { subject, from, text, dateMs } = mail;
  const senderDomain = from.address ? from.address.split('@')[1]! : null;
  const referenceYear = new Date(dateMs ?? Date.now()).getUTCFullYear();
  // Entities and the judgement read what the sender wrote: a reply's quoted history is someone
  // else's mail (its PO was extracted when that mail came in); a forward's content is the point.
  const own = ownText(subject, text);
  const scanBody = prepareText(own.text);
  const entities = extractFromPrepared(`${prepareText(subject)}\n\n${scanBody}`, { referenceYear, selfNames: ctx.selfNames, dayFirst: writesDayFirst(senderDomain, own.text) });
  const fresh = newContent(text);
  const rules = rulesFor(ctx.config);
  let cat = categorise(subject, scanBody, entities, rules, ctx.config.min_score);
  const verdict = judgementOf(mail, ctx, { own, entities, category: cat.category });
  // A damaged delivery names the order and the shipment; that something is wrong makes it support work.
  if (verdict.actionable && verdict.reason.startsWith('problem reported')) {
    cat = categorise(subject, scanBody, entities, rules, ctx.config.min_score, [{ category: 'Support', weight: 4, line: 'a problem is reported' }]);
  }
  const dollarValue = dollarValueOf(entities, ctx.currency);
  const pri = priorityOf(mail, ctx, { fresh, dollarValue, category: cat.category });
  return {
    ok: true,
    seq,
    messageId: mail.messageId,
    dedupeKey: dedupeKeyOf(mail),
    subject,
    fromAddress: from.address,
    fromName: from.name,
    senderDomain,
    dateMs,
    snippet: collapse(fresh.slice(0, 1000)).slice(0, 280),
    description: fresh.slice(0, 4000),
    entities,
    attachments: mail.attachments,
    category: cat.category,
    categoryReason: `${verdict.reason}; ${cat.reason}; ${pri.reason}`,
    priority: pri.priority,
    urgency: { CRITICAL: 1, HIGH: 0.75, MEDIUM: 0.5, NORMAL: 0.25 }[pri.priority],
    dollarValue,
    customerName: entities.customers[0] ?? domainName(senderDomain),
    signature: patternSignature(cat.category, senderDomain, subject),
    ...threadFieldsOf(mail),
    ...(verdict.actionable ? {} : { notActionable: verdict.reason }),
  };
}

// Top-level domains (and words) of mail that writes 03/04/2026 for the 3rd of April.
const DAY_FIRST_TLD = /\.(?:uk|ie|de|at|ch|fr|be|nl|lu|es|pt|it|se|dk|no|fi|pl|cz|sk|hu|ro|gr|tr|ru|ua|au|nz|za|in|br|ar|cl|co|pe|mx|uy|eu)$/i;
const DAY_FIRST_WORDS = /\b(?:estimad[oa]s?|atentamente|saludos|vencimiento|factura|fecha|cordialement|bonjour|facture|montant|sehr geehrte|mit freundlichen|rechnung|zahlbar|betrag|distinti saluti|fattura)\b/i;

/** Numeric dates are read day first in mail from Europe and most of the world, month first otherwise (US). */
function writesDayFirst(senderDomain: string | null, text: string): boolean {
  return (senderDomain !== null && DAY_FIRST_TLD.test(senderDomain)) || DAY_FIRST_WORDS.test(text.slice(0, 5000));
}

function priorityOf(mail: MailView, ctx: AnalysisContext, m: { fresh: string; dollarValue: number; category: string }) {
  const importance = `${mail.header('importance') ?? ''} ${mail.header('x-priority') ?? ''} ${mail.header('priority') ?? ''}`;
  return prioritise({
    subject: mail.subject,
    body: m.fresh,
    importanceHigh: /\bhigh\b|^\s*[12]\b|\burgent\b/i.test(importance.trim()),
    dollarValue: m.dollarValue,
    currency: ctx.currency,
    highValueThreshold: ctx.highValueThreshold,
    category: m.category,
  });
}

/** Task or signal only, with the rule that decided (judge.ts). */
function judgementOf(mail: MailView, ctx: AnalysisContext, m: { own: ReturnType<typeof ownText>; entities: Entities; category: string }): Verdict {
  return judge({
    subject: mail.subject,
    own: m.own.text,
    forwarded: m.own.forwarded,
    reply: m.own.reply,
    from: mail.from.address ?? '',
    headers: {
      contentType: `${mail.header('content-type') ?? ''}; report-type=${mail.headerParam('content-type', 'report-type') ?? ''}`,
      autoSubmitted: mail.header('auto-submitted'),
      autoReply: mail.hasHeader('x-autoreply') || mail.hasHeader('x-autorespond'),
      precedence: mail.header('precedence'),
      listId: mail.list.id ?? undefined,
      listUnsubscribe: mail.list.unsubscribe,
      listPost: mail.list.post,
    },
    attachments: mail.attachments,
    entities: m.entities,
    category: m.category,
    ignoreDomains: ctx.config.ignore_domains,
  });
}

/** The Message-ID, or without one a hash of sender, Date header, subject and text. */
function dedupeKeyOf(mail: MailView): string {
  if (mail.messageId) return `mid:${mail.messageId}`;
  const hash = createHash('sha256').update(`${mail.from.address ?? ''}\n${mail.header('date') ?? ''}\n${mail.subject}\n${mail.text}`).digest('hex');
  return `sha256:${hash.slice(0, 40)}`;
}
