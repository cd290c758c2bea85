/**
 * The text rules of comments, shared by the server and the dashboard (browser-safe: no imports).
 *
 * A mention is `@` followed by an email address (`@dana@acme.test`), not glued to a preceding word
 * character; the server resolves the address (case-insensitive) against the active members of the
 * item's org, and anything it does not resolve stays plain text.
 */

export const COMMENT_BODY_MAX = 10_000;
export const EXCERPT_MAX = 200;
/** Addresses looked up per comment: more than this many different mentions are plain text. */
export const MAX_MENTIONS = 50;

/**
 * Group 1: what precedes the `@` (start or a character that cannot end an address); group 2: the
 * address. The domain must end in letters, so a sentence's full stop is not part of it.
 */
export const MENTION_PATTERN = /(^|[^A-Za-z0-9._%+@-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** The addresses a body mentions, lowercased, each once, in the order they first appear. */
export function mentionedEmails(body: string): string[] {
  const seen = new Set<string>();
  for (const m of body.matchAll(MENTION_PATTERN)) {
    seen.add(m[2]!.toLowerCase());
    if (seen.size >= MAX_MENTIONS) break;
  }
  return [...seen];
}

/** Splits text into plain runs and mentions (`{email}` lowercased), for rendering. */
export function splitMentions(text: string): Array<{ text: string; email?: string }> {
  const out: Array<{ text: string; email?: string }> = [];
  let at = 0;
  for (const m of text.matchAll(MENTION_PATTERN)) {
    const start = m.index + m[1]!.length;
    if (start > at) out.push({ text: text.slice(at, start) });
    const token = `@${m[2]!}`;
    out.push({ text: token, email: m[2]!.toLowerCase() });
    at = start + token.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * The first `max` characters of a Markdown body as plain text (for notifications and webhooks):
 * link targets, emphasis marks, heading and list markers and code fences dropped, whitespace
 * folded. Raw HTML stays as the text it is; whoever shows the excerpt escapes it.
 */
export function plainExcerpt(body: string, max = EXCERPT_MAX): string {
  const text = body
    .replace(/^\s{0,3}(```|~~~).*$/gm, '')
    // Link targets may hold one level of balanced parentheses, as CommonMark allows.
    .replace(/!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)/gm, '')
    .replace(/\*\*|__|~~|[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
