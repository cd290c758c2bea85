/**
 * The part of a message its sender wrote: a reply's new text without the quoted history under it,
 * or — for a forward — the note and the forwarded message, whose content is the point of a forward.
 * Entities and the work-or-noise judgement read this text, so a "thanks, received" whose quoted
 * history carries a PO is neither an order nor a source of that PO's numbers.
 */
import { baseSubject } from './signature.js';

export interface OwnText {
  /** Text to extract entities and judge from (a forward keeps its forwarded content). */
  text: string;
  /** A forward: the subject says so, or the body's first quote boundary is a forwarded-message header. */
  forwarded: boolean;
  /** A reply: the subject has a reply prefix or quoted history was cut off. */
  reply: boolean;
}

const FORWARD_SUBJECT = /^\s*(?:\[[^\]]{0,40}\]\s*)?(?:fwd?|fw|wg|tr|rv|enc|doorst)\s*:/i;
const REPLY_SUBJECT = /^\s*(?:\[[^\]]{0,40}\]\s*)?(?:re|aw|sv|vs|antw|r|rif)\s*:/i;
const FORWARD_MARKER = /^\s*(?:-{2,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado)|Begin forwarded message:|Anfang der weitergeleiteten Nachricht)/i;
const ORIGINAL_MARKER = /^\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{0,}\s*$/i;
/** "On Mon, Mar 9, 2026 at 2:10 PM Lena <lena@x> wrote:", also when a client wrapped it over two lines. */
const ATTRIBUTION_START = /^\s*(?:On|Am|Le|El|Il|Op)\s.{4,200}$/;
const ATTRIBUTION_END = /(?:wrote|schrieb|a écrit|escribió|ha scritto|schreef)\s*:\s*$/i;
/** An Outlook header block: From: then Sent:/Date:/To:/Subject: within the next lines. */
const HEADER_FROM = /^\s*\*?(?:From|Von|De|Da|Van)\s*\*?\s*:\s*\S/i;
const HEADER_NEXT = /^\s*\*?(?:Sent|Date|To|Subject|Gesendet|Datum|An|Betreff|Envoyé|Objet|À|Enviado|Fecha|Para|Asunto|Inviato|Oggetto|Verzonden|Onderwerp)\s*\*?\s*:/i;
const OUTLOOK_RULE = /^\s*_{10,}\s*$/;

/** Index of the first line of quoted history, or -1. */
function quoteStart(lines: string[]): { at: number; forward: boolean } {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (FORWARD_MARKER.test(l)) return { at: i, forward: true };
    if (ORIGINAL_MARKER.test(l)) return { at: i, forward: false };
    if (/^\s*>/.test(l)) return { at: i, forward: false };
    if (ATTRIBUTION_END.test(l) && (ATTRIBUTION_START.test(l) || (i > 0 && ATTRIBUTION_START.test(lines[i - 1]!)))) {
      return { at: ATTRIBUTION_START.test(l) ? i : i - 1, forward: false };
    }
    if (HEADER_FROM.test(l) && lines.slice(i + 1, i + 5).some((n) => HEADER_NEXT.test(n))) {
      return { at: i > 0 && OUTLOOK_RULE.test(lines[i - 1]!) ? i - 1 : i, forward: false };
    }
  }
  return { at: -1, forward: false };
}

export function ownText(subject: string, text: string): OwnText {
  const lines = text.split(/\r?\n/);
  const q = quoteStart(lines);
  const forwarded = FORWARD_SUBJECT.test(subject) || q.forward;
  const reply = !forwarded && (REPLY_SUBJECT.test(subject) || q.at >= 0);
  // A forward's quoted part is what was forwarded: kept, with its quote markers dropped.
  if (forwarded || q.at < 0) return { text: forwarded ? text.replace(/^(?:[ \t]*>)+[ \t]?/gm, '') : text, forwarded, reply };
  const head = lines.slice(0, q.at).join('\n').trim();
  // A reply with nothing above the quote (top-posting gone wrong) keeps its whole text rather than none.
  return { text: head || text, forwarded, reply };
}

/** The subject without reply or forward prefixes, or '' for a reply: a reply's subject was written by the other side. */
export function ownSubject(subject: string): string {
  return REPLY_SUBJECT.test(subject) ? '' : baseSubject(subject);
}
