/**
 * Work or noise: does a message need someone to do something (a task), or is it information only
 * (a signal)? Judged the way an operations clerk reads mail — headers first, then the sender's own
 * text (never the quoted history) — and the rule that decided is written down in words an operator
 * understands, since that reason is what someone reads when a message did not become a task.
 *
 *   1. Headers of automated mail (auto-replies, bulk and list mail, delivery and read reports): a
 *      signal, whatever the text says.
 *   2. No-reply senders: a signal, unless the mail is a business document someone must act on (a
 *      purchase order placed from a customer's ERP, an invoice due from a billing system, a web
 *      form relaying a request) — rare, but a lost order costs more than a stray task.
 *   3. Automated content without those headers (bounces, out-of-office, read receipts, calendar
 *      replies, newsletters with an unsubscribe footer): a signal.
 *   4. Social chatter with no business data: a signal, even with a question in it.
 *   5. A request in the sender's own words — a question, "please …", "could you …", "we need …",
 *      a problem reported, an order placed, an invoice due or disputed, a quote asked for: a task.
 *      Boilerplate is removed first: "let me know if you have any questions", "please do not
 *      reply", "Questions? Visit …", disclaimers and conditional offers ask nothing.
 *   6. Information only (shipping and delivery notices, order confirmations, remittances and
 *      receipts, FYIs, thank-yous, announcements): a signal.
 *   7. Otherwise: a business document (a PO or invoice number) or mail the category rules placed
 *      is a task; general mail that asks nothing is a signal.
 */
import type { AttachmentInfo } from './mail-view.js';
import type { Entities } from './entities.js';

export interface JudgeInput {
  subject: string;
  /** The sender's own text (own-text.ts): a reply without its quoted history, a forward in full. */
  own: string;
  forwarded: boolean;
  reply: boolean;
  from: string;
  headers: {
    contentType: string;
    autoSubmitted?: string | undefined;
    autoReply: boolean;
    precedence?: string | undefined;
    listId?: string | undefined;
    listUnsubscribe: boolean;
    listPost: boolean;
  };
  attachments: AttachmentInfo[];
  /** Entities of the subject and own text. */
  entities: Entities;
  category: string;
  ignoreDomains: string[];
}

export interface Verdict {
  actionable: boolean;
  reason: string;
}

const task = (reason: string): Verdict => ({ actionable: true, reason });
const signal = (reason: string): Verdict => ({ actionable: false, reason });

// ------------------------------------------------------------------ 1. headers
function headerReason(h: JudgeInput['headers'], from: string, ignoreDomains: string[]): string | undefined {
  const local = from.split('@')[0]?.toLowerCase() ?? '';
  if (/^(?:mailer-daemon|postmaster)$/.test(local)) return `bounce (sent by ${local})`;
  const ct = h.contentType.toLowerCase();
  if (/multipart\/report/.test(ct)) {
    if (/disposition-notification/.test(ct)) return 'read receipt (multipart/report; disposition-notification)';
    return 'delivery report (multipart/report; delivery-status)';
  }
  if (h.autoSubmitted && h.autoSubmitted.trim().toLowerCase() !== 'no') return `auto-reply (Auto-Submitted: ${h.autoSubmitted.trim().slice(0, 40)})`;
  if (h.autoReply) return 'auto-reply (X-Autoreply / X-Autorespond)';
  const precedence = h.precedence?.trim().toLowerCase();
  // A list people post to (List-Post: a Google Group or shared alias such as orders@) carries
  // customers' mail: its list headers say how it was delivered, not that nobody wrote it.
  if (!h.listPost) {
    if (precedence === 'bulk' || precedence === 'junk') return `bulk mail (Precedence: ${precedence})`;
    if (h.listUnsubscribe) return 'newsletter (List-Unsubscribe)';
    if (precedence === 'list') return 'mailing list (Precedence: list)';
    if (h.listId) return `mailing list (List-Id: ${h.listId.trim().slice(0, 60)})`;
  }
  const domain = from.split('@')[1]?.toLowerCase();
  if (domain && ignoreDomains.includes(domain)) return `sender domain ${domain} is ignored`;
  return undefined;
}

// ------------------------------------------------------------------ 2. no-reply senders
const NO_REPLY_LOCAL = /(?:^|[-_.+])(?:no-?reply|do-?not-?reply|donotreply|noreply|no_reply|notifications?|alerts?|mailer|bounces?|auto-?(?:confirm|notify|reply))(?:$|[-_.+])/i;

export function isNoReplySender(from: string): boolean {
  const local = from.split('@')[0] ?? '';
  return NO_REPLY_LOCAL.test(local);
}

// ------------------------------------------------------------------ 3. automated content
const BOUNCE_SUBJECT = /^(?:undeliverable|undelivered mail|delivery status notification|returned mail|mail delivery (?:failed|failure|subsystem)|delivery failure|failure notice|non-?delivery|unzustellbar|non remis)\b/i;
const READ_SUBJECT = /^(?:read|gelesen|lu|leído|letto)\s*:|^read receipt\b|^(?:return|read) receipt\s*:/i;
const AUTO_SUBJECT = /^(?:automatic reply|auto(?:matic)?[- ]?reply|autoreply|auto[- ]response|out of (?:the )?office|ooo\b|abwesenheitsnotiz|automatische antwort|réponse automatique|respuesta automática|risposta automatica)/i;
const CALENDAR_SUBJECT = /^(?:accepted|declined|tentative(?:ly accepted)?|canceled|cancelled|updated invitation|invitation|new event|event canceled|zugesagt|abgesagt|mit vorbehalt|accepté|refusé|aceptado|rechazado)(?: event)?\s*:/i;
const OUT_OF_OFFICE =
  /\b(?:(?:i am|i'm|i will be|i'll be|i am currently|currently)\s+(?:out of (?:the )?office|away from (?:the |my )?(?:office|desk)|on (?:annual |parental |maternity |paternity |sick )?leave|on (?:vacation|holiday)|travell?ing|away)|limited access to (?:my )?e-?mail|(?:nicht im büro|abwesend)|absent(?:e)? du bureau|fuera de la oficina)\b/i;
const NEWSLETTER =
  /\bunsubscribe\b|\bview (?:this|the|it)?\s*(?:e-?mail|message|newsletter)? ?in (?:your |a |the )?browser\b|\bmanage (?:your )?(?:e-?mail |subscription |notification )?preferences\b|\byou(?:'re| are) receiving this (?:e-?mail|message|newsletter)\b|\bopt[- ]out\b|\babmelden\b|\bdésinscri|\bdarse de baja\b/i;

function automatedContent(subject: string, own: string, attachments: AttachmentInfo[], contentType: string): string | undefined {
  const s = subject.trim();
  if (BOUNCE_SUBJECT.test(s)) return `bounce (subject "${clip(s, 50)}")`;
  if (READ_SUBJECT.test(s)) return `read receipt (subject "${clip(s, 50)}")`;
  if (AUTO_SUBJECT.test(s)) return `auto-reply (subject "${clip(s, 50)}")`;
  if (CALENDAR_SUBJECT.test(s) || /text\/calendar/i.test(contentType) || attachments.some((a) => a.content_type === 'text/calendar')) {
    return `calendar message (${CALENDAR_SUBJECT.test(s) ? `subject "${clip(s, 50)}"` : 'text/calendar'})`;
  }
  const m = NEWSLETTER.exec(own);
  if (m) return `newsletter or marketing ("${m[0].toLowerCase()}" in the text)`;
  return undefined;
}

// ------------------------------------------------------------------ boilerplate
/**
 * Sentences that ask nothing though they sound like it: offers of help, conditional instructions,
 * footers and disclaimers. They are removed before looking for a request.
 */
const BOILERPLATE = new RegExp(
  [
    String.raw`^(?:if|in case|whenever)\b(?!\s+(?:you|u)\s+(?:could|can|would|are able|might|kindly))|^should you\b`,
    String.raw`^(?:and |so |but )?let (?:me|us) know if (?:you (?:have|need|require|would like)|there (?:is|are|'s)|anything|any questions)`,
    String.raw`\blet (?:me|us) know if you (?:have|need) any (?:questions|help|further|more|other)`,
    String.raw`\b(?:do not|don'?t|please do not|please don'?t) (?:hesitate|reply|respond)\b`,
    String.raw`\bfeel free\b`,
    String.raw`^(?:have )?(?:any |a |more )?questions?\b[^.!]*\?`,
    String.raw`^(?:need|want|wish|got|have) (?:to|a|an|any|help|assistance|anything|more)\b[^.!]*\?`,
    String.raw`^(?:not you|looking for|did you know|why not|ready to|how can we help|how did we do|questions about)\b[^.!]*\?`,
    String.raw`^(?:for (?:urgent|immediate|any) (?:matters|issues|requests|questions|assistance|enquiries|inquiries))`,
    String.raw`^(?:in dringenden fällen|en cas d'urgence|para asuntos urgentes)`,
    String.raw`\bplease (?:apply|allocate|post)\b[^.]*\baccordingly\b`,
    // Company voice ("let us know if", "contact us if") offers help; "let me know if you can …" asks.
    String.raw`^(?:and )?(?:let us know|contact us|call us|notify us|reach out(?: to us)?|email us)\b[^.?]*\bif\b`,
    String.raw`^(?:please )?(?:review|check|verify)\b[^.?]*\b(?:let us know|contact us|notify us|call us)\b[^.?]*\bif\b`,
    String.raw`\b(?:take (?:our|a|this) (?:short |quick |\d+[- ]minute )?survey|rate (?:us|your experience)|leave (?:us )?a review|share your feedback|update your records)\b`,
    String.raw`^please (?:note|allow|keep|retain|consider|visit|disregard|be (?:advised|informed|aware)|accept our|refer to|read|review our|do not reply|don'?t reply|join (?:me|us)|enjoy|click)\b`,
    String.raw`\bthis (?:e-?mail|message|notification|communication)\b[^.]*\b(?:confidential|intended|automated|automatically|generated|was sent|not monitored|cannot accept|notification-only)`,
    String.raw`\b(?:intended recipient|privacy (?:policy|notice)|all rights reserved|notification-only|not monitored|cannot receive replies|unsubscribe)\b`,
    String.raw`^sent from my\b`,
    String.raw`^(?:i |we )?(?:hope|trust) (?:you|this|all|everything|that)\b[^?]*\??$`,
    String.raw`^how (?:are you|are things|is it going|'s it going|was your)\b[^?]*\?`,
  ].join('|'),
  'i',
);

function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)|(?<=[.!?])\s+(?=[A-Z"'(¿¡])|\n(?=[A-Z])/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The sender's own text without boilerplate sentences. */
export function substance(own: string): string {
  return sentences(own)
    .filter((s) => !BOILERPLATE.test(s))
    .join('\n');
}

// ------------------------------------------------------------------ 4. social chatter
const SOCIAL =
  /\b(?:lunch|pizza|potluck|bbq|barbecue|birthday|cake|cookies|snacks|treats|congratulat\w*|congrats|anniversary|welcome (?:aboard|to the team)|farewell|retirement|happy hour|holiday party|christmas party|secret santa|gift exchange|ugly sweater|halloween|costume|team (?:outing|event|building)|softball|football|soccer|bowling|playoffs|fantasy|coffee|donuts?|bagels?|weekend plans|baby shower|new baby|wedding|condolences|get well|sympathy|raffle|fundraiser|blood drive|volunteer(?:ing)?|parking lot|fridge|microwave|lost and found|happy (?:holidays|new year|thanksgiving|friday))\b/i;

/** Cold sales outreach: two or more of these, since one ("30 minutes", "a quick call") is also how customers write. */
const PITCH =
  /\b(?:would you be (?:interested|open)|are you the right person|(?:book|schedule|grab) (?:a )?(?:quick |short |free )?(?:call|demo|meeting|time)|free (?:trial|demo|consultation|audit|sample)|we help (?:companies|businesses|manufacturers|teams)|calendly|i'?d love to (?:show|connect|chat|share)|special offer|limited[- ]time|discount code|promo code|case study|increase (?:your )?(?:sales|revenue|efficiency)|cut (?:your )?costs by|(?:just )?(?:following|circling|bumping) (?:up|back) on my (?:last|previous) (?:e-?mail|note|message)|partner(?:ing)? with (?:you|companies like))\b/gi;

// ------------------------------------------------------------------ 5. requests
interface Cue {
  re: RegExp;
  label: string;
}

const REQUESTS: Cue[] = [
  { re: /\b(?:could|can|would|will|might) (?:you|u|someone|somebody|anyone|your team|we)\b(?! (?:be|have been) (?:notified|advised))/i, label: 'request' },
  { re: /\bis it possible\b|\bwould it be possible\b|\bare you able\b|\bdo you (?:have|know|carry|stock|offer|make|sell)\b|\bhow (?:much|soon|long|many)\b/i, label: 'request' },
  { re: /\bplease\b(?! (?:find|see|note|allow|be advised|do not reply|don'?t reply|disregard|accept|keep|retain|visit|consider|join|enjoy|click|refer))/i, label: 'request' },
  { re: /\bkindly\b(?! (?:note|find|be advised))/i, label: 'request' },
  { re: /\b(?:i|we)(?: will| still| urgently| also| really)? (?:need|require|are requesting|request|must have)\b|\b(?:i|we)(?:'d| would) (?:like|appreciate|need)\b(?! to (?:inform|let you know|thank|announce|welcome|share|update you))|\b(?:i|we) (?:want|am looking|are looking) (?:to order|to buy|for a quote|for pricing|for)\b/i, label: 'request' },
  { re: /\blet (?:me|us) know\b|\bplease advise\b|\badvise (?:us|me|whether|if|when)\b|\bget back to (?:me|us)\b|\b(?:awaiting|waiting for|waiting on) (?:your|the|a)\b|\bany (?:update|news|progress|feedback)\b|\bfollow(?:ing)?[- ]up on\b|\bchasing\b/i, label: 'request' },
  { re: /\b(?:asap|as soon as possible|at your earliest convenience|urgent(?:ly)?)\b/i, label: 'request' },
  { re: /\b(?:bitte|bitten wir|können sie|könnten sie|wir benötigen|por favor|podría(?:n)?|necesitamos|le(?:s)? agradecer[ií]a|merci de|veuillez|pourriez-vous|pouvez-vous|nous avons besoin|s'il vous pla[iî]t)\b/i, label: 'request' },
];

const PROBLEM =
  /\b(?:not working|stopped working|doesn'?t (?:work|fit)|does not (?:work|fit)|won'?t (?:start|work|fit)|broken|damaged|defective|faulty|cracked|bent|dented|leak(?:s|ing)?|rusted|corroded|missing|short[- ]?shipped|shortage|wrong (?:parts?|items?|sizes?|quantit(?:y|ies)|products?|address|prices?|amounts?|material|model)|incorrect|discrepanc(?:y|ies)|complaint|quality (?:issue|problem)|rma|refund|overcharged|over-?billed|(?:charged|billed|invoiced) twice|double[- ](?:billed|charged)|duplicate (?:invoice|charge|payment)|dispute[ds]?|not (?:yet )?(?:received|arrived|been delivered)|never (?:received|arrived)|(?:hasn'?t|haven'?t|has not|have not) (?:yet )?(?:arrived|been delivered|received|shipped)|still (?:waiting|not)|line (?:is )?down|production (?:is )?(?:down|stopped)|beschädigt|defekt|dañad[oa]s?|endommagé)\b/gi;
const NEGATED = /\b(?:no|not|without|zero|nothing|never)\s+(?:\w+\s+)?$/i;

const ORDER_PLACED =
  /\bplease (?:process|enter|accept|confirm|acknowledge|book|fill)\b[^.]{0,40}\b(?:order|po|purchase order)s?\b|\b(?:attached|enclosed|here) (?:is|are|please find) (?:our |the |a |my )?(?:new |revised |updated )?(?:purchase orders?|pos?|orders?)\b|\bplease (?:find|see) (?:attached|enclosed) (?:our |the |a )?(?:new |revised )?(?:purchase orders?|pos?)\b|\b(?:purchase orders?|pos?) (?:is |are )?attached\b|\b(?:we|i)(?:'d| would| want to| wish to) (?:like to )?(?:order|place (?:an|the|our|this) order|purchase)\b|\bplace (?:an|the|our|this) order\b|\bhas issued (?:a |the )?purchase order\b|\bour (?:purchase )?order for\b|\bnew (?:purchase )?order\b|\bbestellen\b|\bpedido adjunto\b|\bbon de commande\b/i;
const INVOICE_DUE =
  /\b(?:amount due|balance due|total due|due (?:date|on|by)|payment (?:is )?due|payable (?:by|on|within)|please (?:remit|pay)|remit (?:to|by|payment)|past due|overdue|outstanding (?:balance|amount|invoices?)|unpaid|remains? unpaid|payment terms|net ?\d{2}\b|pay now|review and pay|reminder|zahlbar|fällig|mahnung|vencimiento|recordatorio|impayée?s?|règlement|à régler)\b/i;
const QUOTE_ASKED = /\b(?:rfq|request for (?:a )?(?:quot\w*|pricing|proposal|price)|quot(?:e|ation) request|pricing request|price request|anfrage|solicitud de cotizaci\w*|demande de (?:prix|devis))\b/i;

const DOC_TYPES = ['po_numbers', 'invoice_numbers', 'quote_numbers', 'order_numbers'] as const;

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n).trimEnd()}…` : t;
}

/** The words that matched and the few after them, for the reason: "'Could you quote 1,000 pcs…'". */
function quoted(text: string, index: number, length: number): string {
  // The line of the match alone: splitting the whole rest of the text was a scan of it all per reason.
  const end = text.indexOf('\n', index);
  const line = text.slice(index, end < 0 ? undefined : end);
  const words = line.slice(length).trimStart().split(/\s+/).filter(Boolean);
  const shown = [line.slice(0, length), ...words.slice(0, 3)].join(' ').trim();
  return `'${clip(shown, 60)}${words.length > 3 ? '…' : ''}'`;
}

function firstId(entities: Entities, kind: (typeof DOC_TYPES)[number]): string | undefined {
  return entities[kind][0];
}

function requestOf(subject: string, text: string, entities: Entities): string | undefined {
  const po = firstId(entities, 'po_numbers');
  const inv = firstId(entities, 'invoice_numbers');
  const both = `${subject}\n${text}`;
  if (po) {
    const m = ORDER_PLACED.exec(both);
    if (m) return `order placed: PO ${po} (${quoted(both, m.index, m[0].length)})`;
  }
  if (inv) {
    const m = INVOICE_DUE.exec(both);
    if (m) return `invoice due: invoice ${inv} (${quoted(both, m.index, m[0].length)})`;
  }
  // One pass over subject and text; a match after "no"/"not"/"without" ("no damage") does not count.
  PROBLEM.lastIndex = 0;
  for (const p of both.matchAll(PROBLEM)) {
    const lineStart = both.lastIndexOf('\n', p.index) + 1;
    if (NEGATED.test(both.slice(lineStart, p.index))) continue;
    const disputed = /twice|double|duplicate|dispute|overcharged|over-?billed|incorrect|wrong (?:prices?|amounts?)/i.test(p[0]);
    return `${disputed && (inv || /invoice|bill|charge/i.test(text)) ? 'invoice disputed' : 'problem reported'}: ${quoted(both, p.index, p[0].length)}`;
  }
  for (const cue of REQUESTS) {
    const m = cue.re.exec(text);
    if (m) return `${cue.label}: ${quoted(text, m.index, m[0].length)}`;
  }
  const question = sentences(text).find((s) => s.endsWith('?') || /\?\s*$/.test(s));
  if (question) return `question: '${clip(question, 60)}'`;
  const qs = /\?/.test(subject) && !BOILERPLATE.test(subject.trim()) ? subject : undefined;
  if (qs) return `question in the subject: '${clip(qs, 60)}'`;
  const q = QUOTE_ASKED.exec(both);
  if (q) return `quote asked for: ${quoted(both, q.index, q[0].length)}`;
  const m = ORDER_PLACED.exec(both);
  if (m) return `order placed: ${quoted(both, m.index, m[0].length)}`;
  return undefined;
}

/**
 * A PO or an invoice sent with nothing else said ("PO 4500777 latex gloves", an invoice PDF): a
 * document to process. Asked only after information-only mail is ruled out, since shipping notices
 * and remittances name POs and invoices too.
 */
function documentOf(subject: string, entities: Entities, attachments: AttachmentInfo[]): string | undefined {
  const po = firstId(entities, 'po_numbers');
  const inv = firstId(entities, 'invoice_numbers');
  const named = (re: RegExp) => re.test(subject) || attachments.some((a) => re.test(a.filename ?? ''));
  if (po && named(/\b(?:purchase[ _-]?order|p\.?o\.?|pos?[-_ ]?\d|bestellung|pedido|commande)/i)) return `order placed: PO ${po}`;
  if (inv && named(/invoice|rechnung|factura|facture|fattura|\binv\b/i)) return `invoice received: invoice ${inv}`;
  if (po) return `business document: PO ${po}`;
  if (inv && entities.amounts.length > 0) return `business document: invoice ${inv}`;
  return undefined;
}

// ------------------------------------------------------------------ 6. information only
const INFO: Array<[RegExp, string]> = [
  [
    /\b(?:(?:has|have|was|were|had) (?:just )?(?:been )?(?:shipped|dispatched|sent out|picked up|packed)|will (?:ship|be shipped|be dispatched) (?:on|by|within|soon|today|tomorrow)|shipped (?:today|this|via|with|on|from|out)|(?:is|are) on (?:its|their|the) way|out for delivery|scheduled for delivery|left our (?:warehouse|dock|facility|plant)|in transit|shipment notification|shipping (?:confirmation|notice|notification)|advance ship(?:ping)? notice|dispatch(?:ed)? (?:notice|confirmation)|versandbestätigung|wurde versandt|ha sido enviad[oa]|a été expédiée?)\b/i,
    'shipping notice',
  ],
  [/\b(?:(?:has|have|was|were) (?:been )?delivered|delivered (?:to|on|at)|delivery (?:confirmation|notification)|proof of delivery|signed for by|(?:has|have) arrived|arrived (?:this|today|safely|yesterday))\b/i, 'delivery notice'],
  [/\b(?:delay(?:ed|s)?|backorder(?:ed)?|back-ordered|new (?:eta|ship date|delivery date|estimated)|revised (?:eta|ship date|delivery date)|rescheduled)\b/i, 'delivery update'],
  [
    /\b(?:thank you for your (?:order|purchase)|order (?:confirmation|acknowledge?ment)|(?:we|i) (?:hereby )?(?:confirm|acknowledge) (?:receipt of )?(?:your|the) (?:order|purchase order|po)|(?:we have|we've) received your (?:order|po|purchase order)|your (?:order|po|purchase order)(?: (?:no\.?|#|number)?\s?#?[\w-]+)? (?:has been|was|is) (?:received|confirmed|processed|accepted|being processed)|auftragsbestätigung|wir bestätigen|confirmación de(?:l)? pedido|accusé de réception|confirmation de commande)\b/i,
    'order confirmation',
  ],
  [
    /\b(?:remittance|payment (?:advice|confirmation|notification|receipt)|payment (?:has been |was )?(?:sent|made|processed|received|released|initiated)|(?:we have|we've) (?:sent|made|processed|paid|released|received)(?: a| the| your| our)? payment|thank you for your payment|(?:has|have) sent you a payment|paid in full|your receipt|receipt (?:for|from)|total charged|(?:amount )?charged to|zahlungsavis|aviso de pago|avis de paiement|invoices? paid)\b/i,
    'payment or remittance advice',
  ],
  [
    /\b(?:fyi|for your (?:information|info|records|reference)|just (?:so you know|to let you know|a heads[- ]up)|heads[- ]up|no action (?:is )?(?:needed|required)|nothing (?:to do|needed)|(?:you )?(?:don'?t|do not) need to do anything|no need to (?:do anything|reply|respond)|keeping you (?:in the loop|posted|informed)|zur (?:info|kenntnis)|para su información|pour information)\b/i,
    'FYI',
  ],
  [
    /\b(?:dear (?:valued )?(?:customers?|partners?|clients?|suppliers?|vendors?|all)|please be advised|we are pleased to announce|we(?:'re| are) (?:excited|happy|pleased|proud) to (?:announce|share|introduce)|effective (?:immediately|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d)|will be closed|office closure|closed (?:on|for))\b/i,
    'announcement',
  ],
  [/\b(?:this is an automated|automatically generated|notification-only|do not reply|password (?:will )?expire|verification code|security alert|sign-?in (?:attempt|alert))\b/i, 'automated notification'],
];
const THANKS = /^(?:(?:hi|hello|hey|dear)\b[^\n,]*,?\s*)?(?:thanks?|thank you|many thanks|thx|cheers|received|got it|perfect|great|noted|will do|ok(?:ay)?|sounds good|confirmed|acknowledged|all good|looks good|appreciated?|much appreciated|just wanted to (?:say )?thank|vielen dank|danke|merci|gracias)\b/i;

function informationOf(subject: string, text: string): string | undefined {
  const both = `${subject}\n${text}`;
  for (const [re, what] of INFO) {
    const m = re.exec(both);
    if (m) return `information only: ${what} (${quoted(both, m.index, m[0].length)}), nothing asked`;
  }
  if (THANKS.test(text.trim()) && text.length < 400) return 'thank-you or acknowledgement, nothing asked';
  return undefined;
}

function inText(e: Entities, text: string): Entities {
  const t = text.toLowerCase();
  const keep = (ids: string[]) => ids.filter((id) => t.includes(id.toLowerCase()));
  return { ...e, po_numbers: keep(e.po_numbers), invoice_numbers: keep(e.invoice_numbers), quote_numbers: keep(e.quote_numbers), order_numbers: keep(e.order_numbers) };
}

// ------------------------------------------------------------------ the judgement
function hasDocuments(e: Entities): boolean {
  return DOC_TYPES.some((k) => e[k].length > 0) || e.amounts.length > 0;
}

export function judge(m: JudgeInput): Verdict {
  const subject = m.reply ? '' : m.subject.replace(/^\s*(?:\[[^\]]{0,40}\]\s*)?(?:fwd?|fw|wg|tr|rv)\s*:\s*/i, '');
  const header = headerReason(m.headers, m.from, m.ignoreDomains);
  if (header) {
    // RFC 3834's auto-generated (not a reply) is also how an ERP sends a purchase order or an invoice.
    if (/auto-generated/i.test(m.headers.autoSubmitted ?? '') && !/auto-repl/i.test(m.headers.autoSubmitted ?? '')) {
      const req = requestOf(subject, substance(m.own), m.entities);
      if (req && /^(?:order placed|invoice due)/.test(req)) return task(`${req} (sent automatically: ${header})`);
    }
    return signal(header);
  }
  const automated = automatedContent(m.subject, m.own, m.attachments, m.headers.contentType);
  if (automated) return signal(automated);

  const text = substance(m.own);
  if (OUT_OF_OFFICE.test(m.own) && !REQUESTS.slice(0, 2).some((c) => c.re.test(text)) && !/\?/.test(text)) return signal('out-of-office reply');

  if (isNoReplySender(m.from)) {
    const req = requestOf(subject, text, m.entities);
    if (req && /^(?:order placed|invoice due)/.test(req)) return task(`${req} (from a no-reply address)`);
    if (req && /\b(?:enquiry|inquiry|form|submitted|submission)\b/i.test(`${m.subject}\n${m.own}`) && /^(?:request|question|quote)/.test(req)) return task(`${req} (relayed by a web form)`);
    return signal(`no-reply sender (${m.from.split('@')[0]}@…)`);
  }

  // The cheap tests first: most business mail names a document and never reaches the regexes.
  if (m.category === 'General' && !hasDocuments(m.entities) && SOCIAL.test(`${subject}\n${text}`)) return signal('social chatter, no business request');
  if (!DOC_TYPES.some((k) => m.entities[k].length > 0)) {
    const pitch = new Set([...`${subject}\n${text}`.matchAll(PITCH)].map((x) => x[0].toLowerCase()));
    if (pitch.size >= 2) return signal(`sales pitch or marketing ("${[...pitch].slice(0, 2).join('", "')}")`);
  }

  const req = requestOf(subject, text, m.entities);
  if (req) return task(req);

  const info = informationOf(subject, text);
  if (info) return signal(info);

  // A reply's subject names the thread's documents, not new ones: only ids in its own text count.
  const doc = documentOf(subject, m.reply ? inText(m.entities, m.own) : m.entities, m.attachments);
  if (doc) return task(doc);
  if (m.category !== 'General') return task(`business mail: placed in ${m.category} by its wording, nothing marks it information only`);
  return signal('nothing asked: no request, question or business document in the text');
}
