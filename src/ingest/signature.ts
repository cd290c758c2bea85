/**
 * Pattern signatures: the same kind of mail from the same sender domain, whatever its numbers.
 * "RE: FW: PO# 4500123 for 200 units" and "PO# 4500987 for 50 units" share one signature.
 */
const PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|rv|r|ref)(?:\[\d+\])?\s*:\s*|\[[^\]]{0,40}\]\s*)/i;

export function normaliseSubject(subject: string): string {
  return baseSubject(subject)
    .toLowerCase()
    .replace(/[$€£¥₹]\s?[\d.,]+\s?[km]?\b/g, ' ')
    .split(/\s+/)
    .filter((t) => !/\d/.test(t))
    .join(' ')
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

/** Strips reply/forward prefixes only (for display and threading). */
export function baseSubject(subject: string): string {
  let s = subject;
  for (let i = 0; i < 10; i++) {
    const next = s.replace(PREFIX, '');
    if (next === s) break;
    s = next;
  }
  return s.trim();
}

export function patternSignature(category: string, senderDomain: string | null, subject: string): string {
  return `${category}|${senderDomain ?? '-'}|${normaliseSubject(subject) || '(no subject)'}`;
}
