/**
 * What a message says about the conversation it belongs to: the Message-IDs it answers
 * (In-Reply-To, References), its recipients, and its subject reduced to what a thread shares.
 * Pure; read in the parse workers beside the rest of the analysis.
 */
import type { MailView } from './mail-view.js';

/** At most this many referenced ids per message: the newest of a long References chain name the thread. */
const MAX_REFS = 30;
const MAX_RECIPIENTS = 50;

/**
 * Reply and forward markers in the languages business mail arrives in (Re, AW, SV, Antw, Fwd, WG,
 * TR, RV, VS, Odp), optionally counted (`Re[2]:`, `AW(3):`), and gateway tags such as `[EXT]`.
 */
const REPLY_MARK = /^\s*(?:re|aw|sv|antw|odp|vs|ref|fw|fwd|wg|tr|rv|enc)\s*(?:\[\d{1,3}\]|\(\d{1,3}\))?\s*[:：]\s*/i;
const TAG = /^\s*(?:\[[^\]]{1,30}\]|\*{1,3}[a-z ]{2,20}\*{1,3}|ext(?:ernal)?\s*:)\s*/i;

export interface ThreadSubject {
  /** Lower-case, prefixes and tags removed, whitespace collapsed; '' when nothing is left. */
  key: string;
  /** The subject carried a reply or forward marker. */
  replyMarked: boolean;
}

/** `RE: AW: [EXT] Fwd: Order 4711` → `order 4711`, marked as a reply. */
export function threadSubject(subject: string): ThreadSubject {
  let s = subject;
  let replyMarked = false;
  for (let i = 0; i < 20; i++) {
    const mark = REPLY_MARK.exec(s);
    if (mark) {
      replyMarked = true;
      s = s.slice(mark[0].length);
      continue;
    }
    const tag = TAG.exec(s);
    if (tag) {
      s = s.slice(tag[0].length);
      continue;
    }
    break;
  }
  return { key: s.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 300), replyMarked };
}

/** Message-IDs in a header's text, without angle brackets, as mail-view.ts stores a Message-ID. */
function idsIn(text: string | undefined): string[] {
  if (!text) return [];
  const bracketed = [...text.matchAll(/<([^<>\s]{3,900})>/g)].map((m) => m[1]!.trim());
  // Some clients write References without brackets: whitespace- or comma-separated ids.
  if (bracketed.length) return bracketed;
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 3 && s.length <= 900 && s.includes('@'));
}

/** The ids a message answers: In-Reply-To first, then the newest References. */
export function referencedIds(inReplyTo: string | undefined, references: string | undefined, own: string | null): string[] {
  const refs = idsIn(references);
  const all = [...idsIn(inReplyTo), ...refs.slice(-MAX_REFS).reverse()];
  return [...new Set(all)].filter((id) => id !== own).slice(0, MAX_REFS + 1);
}

/** Lower-case addresses of an address header's text. */
export function addressesIn(text: string | undefined): string[] {
  if (!text) return [];
  const found = [...text.matchAll(/[A-Z0-9._%+'-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi)].map((m) => m[0].toLowerCase());
  return [...new Set(found)].slice(0, MAX_RECIPIENTS);
}

export interface ThreadFields {
  /** Message-IDs this message answers (In-Reply-To, References), newest first. */
  threadRefs: string[];
  /** To and Cc addresses, lower-case. */
  recipients: string[];
}

export function threadFieldsOf(mail: MailView): ThreadFields {
  return {
    threadRefs: referencedIds(mail.header('in-reply-to'), mail.header('references'), mail.messageId),
    recipients: addressesIn([mail.header('to'), mail.header('cc')].filter(Boolean).join(', ')),
  };
}

/** The domain of an address, lower-case; null without one. */
export function domainOf(address: string | null): string | null {
  const at = address?.lastIndexOf('@') ?? -1;
  return address && at > 0 ? address.slice(at + 1).toLowerCase() : null;
}

/** Whether a domain is one of `own` or a subdomain of one (`eu.northwind.example` of `northwind.example`). */
export function isOwnDomain(domain: string | null, own: readonly string[]): boolean {
  if (!domain) return false;
  return own.some((d) => domain === d || domain.endsWith(`.${d}`));
}
