/**
 * mailparser's output, narrowed to what analysis reads. Its types promise strings where broken mail
 * gives other things (a part with `Content-Type: ; name="facejj.jpg"` has `contentType: false`, a
 * header may come back as a Date, an array or a structured object), and one such value used as a
 * string threw and cost the whole message, its readable text included. So every value crosses this
 * boundary exactly once, through a check of its runtime type: a value of the wrong type becomes
 * "absent" (or the documented default) here, and the analysis after it only ever sees plain strings
 * and numbers.
 */
import { compile } from 'html-to-text';
import type { ParsedMail } from 'mailparser';

export interface Sender {
  address: string | null;
  name: string | null;
}

export interface AttachmentInfo {
  filename: string | null;
  content_type: string;
  size: number;
}

export interface ListHeaders {
  /** List-Id as written ("name <id>", or the id); null when absent. */
  id: string | null;
  unsubscribe: boolean;
  /** List-Post: a list people write to (a group or shared alias), not a newsletter. */
  post: boolean;
}

export interface MailView {
  /** Message-ID without angle brackets; null when missing or implausible. */
  messageId: string | null;
  /** Subject, whitespace collapsed; '' when missing. */
  subject: string;
  from: Sender;
  /** Date header (ms); null when missing or unreadable. */
  dateMs: number | null;
  /** The readable text (text parts, else HTML turned into text, else an unplaced body), bounded. */
  text: string;
  attachments: AttachmentInfo[];
  /** The List-* headers (RFC 2369/2919), which mailparser folds into one structured `list` header. */
  list: ListHeaders;
  /** A header's value as text (the first value's text for address headers); undefined when absent. */
  header(name: string): string | undefined;
  /** A structured header's parameter (Content-Type's report-type, charset …); undefined when absent. */
  headerParam(name: string, param: string): string | undefined;
  hasHeader(name: string): boolean;
}

/** Regex work is bounded: the first 100k characters of a body carry its business content. */
export const MAX_SCAN_CHARS = 100_000;
/** A subject past this is junk (one was 2 MB); what is stored is shorter still. */
const MAX_SUBJECT_CHARS = 2_000;

/**
 * Mail is outside data: a NUL (raw, or decoded from a part) is dropped rather than failing the
 * message, since PostgreSQL text cannot hold it. Everything stored is derived from these strings.
 */
export const noNul = (s: string) => (s.includes('\u0000') ? s.replaceAll('\u0000', '') : s);
export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The one check every value from the parser goes through: a string (NULs dropped), or nothing. */
function text(v: unknown): string | undefined {
  return typeof v === 'string' ? noNul(v) : undefined;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

/**
 * Header values as they always read (String() of the value, so content-hash dedupe keys of mail
 * ingested before stay the same), but total: a value String() cannot render is absent.
 */
function headerValueText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return noNul(v);
  const rec = record(v);
  const value = rec && !(v instanceof Date) && !Array.isArray(v) && 'value' in rec ? rec.value : v;
  // An address header's value is an array of objects: its rendered text is what a person reads.
  if (Array.isArray(value) && rec && typeof rec.text === 'string') return noNul(rec.text);
  try {
    return noNul(String(value));
  } catch {
    return undefined;
  }
}

function senderOf(from: unknown): Sender {
  const obj = record(Array.isArray(from) ? from[0] : from);
  const first = record(Array.isArray(obj?.value) ? obj.value[0] : undefined);
  const address = text(first?.address)?.trim().toLowerCase();
  const name = text(first?.name)?.trim();
  return { address: address && address.includes('@') ? address : null, name: name || null };
}

function messageIdOf(id: string | undefined): string | null {
  if (!id) return null;
  const v = id.trim().replace(/^<+|>+$/g, '').trim();
  return v.length >= 3 && v.length <= 900 ? v : null;
}

function dateMsOf(d: unknown): number | null {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.getTime() : null;
}

const MIME_TYPE = /^[a-z0-9][\w!#$&^.+-]*\/[a-z0-9][\w!#$&^.+-]*$/i;

/** A type/subtype, or RFC 2046's default for unknown content when missing or garbled (`Content-Type: ;`, `/`). */
function mimeType(v: unknown): string {
  const t = text(v)?.trim().toLowerCase();
  return t && t.length <= 200 && MIME_TYPE.test(t) ? t : 'application/octet-stream';
}

function attachmentsOf(list: unknown): AttachmentInfo[] {
  if (!Array.isArray(list)) return [];
  return list.map((a) => {
    const rec = record(a);
    const size = rec?.size;
    return {
      filename: text(rec?.filename) || null,
      content_type: mimeType(rec?.contentType),
      size: typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : 0,
    };
  });
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

function htmlText(html: string): string {
  try {
    return htmlToText(html.slice(0, 2 * MAX_SCAN_CHARS));
  } catch {
    return html.replace(/<[^>]*>/g, ' ');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/**
 * The body of a multipart message whose boundary is missing or never appears: mailparser reads it
 * all as a preamble and drops it, though it is plain text the sender wrote. Multipart bodies carry
 * no transfer encoding of their own, so the bytes are the text: UTF-8 when they are valid UTF-8,
 * else windows-1252 (which decodes any byte).
 */
function unplacedBody(raw: Buffer | string): string {
  const buf = typeof raw === 'string' ? Buffer.from(raw) : raw;
  const ends = [buf.indexOf('\r\n\r\n'), buf.indexOf('\n\n')].filter((i) => i >= 0);
  if (ends.length === 0) return '';
  const start = Math.min(...ends);
  const body = buf.subarray(start, start + 4 * MAX_SCAN_CHARS);
  try {
    return utf8.decode(body).trim();
  } catch {
    return cp1252.decode(body).trim();
  }
}

/** A multipart root whose boundary is missing, or appears nowhere in the message. */
function boundaryMissing(contentType: unknown, raw: Buffer | string): boolean {
  const ct = record(contentType);
  if (!/^\s*multipart\//i.test(text(ct?.value) ?? '')) return false;
  const boundary = text(record(ct?.params)?.boundary);
  return !boundary || !raw.includes(`--${boundary}`);
}

function bodyTextOf(parsed: ParsedMail, attachments: AttachmentInfo[], contentType: unknown, raw: Buffer | string): string {
  const plain = text(parsed.text);
  if (plain && plain.trim()) return plain;
  const html = text(parsed.html);
  if (html && html.trim()) return htmlText(html);
  if (attachments.length === 0 && boundaryMissing(contentType, raw)) return unplacedBody(raw);
  return plain ?? '';
}

function listOf(v: unknown): ListHeaders {
  const list = record(v);
  const id = record(list?.id);
  const idText = text(id?.id) ?? text(list?.id);
  const name = text(id?.name);
  return {
    id: idText ? (name ? `${name} <${idText}>` : idText) : null,
    unsubscribe: !!list && list.unsubscribe !== undefined && list.unsubscribe !== null,
    // "List-Post: NO" (RFC 2369) marks an announce-only list: nobody posts to it.
    post: !!list && list.post !== undefined && list.post !== null && !/^\s*no\s*$/i.test(text(record(list.post)?.name) ?? ''),
  };
}

/** Narrows one parse; never throws for any shape mailparser may answer. */
export function viewOf(parsed: ParsedMail, raw: Buffer | string): MailView {
  const headers: Map<string, unknown> = parsed.headers instanceof Map ? parsed.headers : new Map();
  const header = (name: string) => headerValueText(headers.get(name));
  const attachments = attachmentsOf(parsed.attachments);
  const body = bodyTextOf(parsed, attachments, headers.get('content-type'), raw);
  return {
    messageId: messageIdOf(text(parsed.messageId)),
    subject: collapse((text(parsed.subject) ?? '').slice(0, MAX_SUBJECT_CHARS)),
    from: senderOf(parsed.from),
    dateMs: dateMsOf(parsed.date),
    text: noNul(body.slice(0, MAX_SCAN_CHARS)),
    attachments,
    list: listOf(headers.get('list')),
    header,
    headerParam: (name, param) => text(record(record(headers.get(name))?.params)?.[param]),
    hasHeader: (name) => headers.has(name),
  };
}
