/**
 * Category and priority from weighted rules, with the reason written down: every rule that fired
 * adds its weight to its category and a line to the explanation, so a person can see why a task
 * landed where it did — and an org can add or outweigh rules (config.ts) without code.
 */
import type { TaskPriority } from '../db/types.js';
import type { CustomRule, IngestConfig } from './config.js';
import type { Entities } from './entities.js';

export const CATEGORIES = ['Quote Processing', 'Order Processing', 'Invoicing', 'Shipping', 'Support', 'General'] as const;

interface Rule {
  category: string;
  field: 'subject' | 'body' | 'any';
  re: RegExp;
  weight: number;
}

interface EntityRule {
  category: string;
  kind: keyof Pick<Entities, 'po_numbers' | 'quote_numbers' | 'invoice_numbers' | 'order_numbers' | 'tracking_numbers'>;
  label: string;
  weight: number;
}

const w = (src: string) => new RegExp(String.raw`\b(?:${src})\b`, 'i');

const DEFAULT_RULES: Rule[] = [
  { category: 'Quote Processing', field: 'subject', re: w('quotes?|quotations?|rfqs?|request for (?:a )?(?:quote|quotation|pricing|proposal)|pricing|price request|estimates?|angebot|anfrage|devis|cotizaci[oó]n'), weight: 4 },
  // "ein/Ihr Angebot", "un devis", "una cotización": asking for a quote, in so many words.
  { category: 'Quote Processing', field: 'body', re: w('(?:ein|ihr|unser(?:e|en)?) angebot|un devis|una cotizaci[oó]n'), weight: 3 },
  { category: 'Quote Processing', field: 'body', re: w('(?:please|could you|can you|kindly) (?:send (?:us |me )?(?:a |your )?)?(?:quote|price|pricing)|request (?:a |for (?:a )?)?(?:quote|quotation|pricing)|pricing for|lead time and pricing|best price|price list'), weight: 2 },
  // "Could you quote 1,000 pcs": a quote asked for in so many words, though the subject names only the goods.
  { category: 'Quote Processing', field: 'body', re: w('(?:please|could you|can you|would you|kindly) (?:quote|provide (?:a )?(?:quote|quotation|pricing))|(?:need|like) (?:a )?(?:quote|quotation) (?:for|on)'), weight: 2 },
  { category: 'Order Processing', field: 'subject', re: w('purchase orders?|p\\.?o\\.?|pos|new orders?|bestellung|pedido|auftrag'), weight: 4 },
  // A bare "order" also appears in support and shipping subjects ("problem with order 123"): weaker.
  { category: 'Order Processing', field: 'subject', re: w('(?<!purchase\\s)orders?'), weight: 2 },
  { category: 'Order Processing', field: 'body', re: w('(?:attached|enclosed) (?:is |please find )?(?:our |the )?(?:purchase order|po)|please (?:process|confirm|enter) (?:the |this |our )?(?:order|po)|place (?:an|the|our) order|order confirmation|confirm receipt of (?:the |our )?(?:order|po)'), weight: 2 },
  { category: 'Order Processing', field: 'body', re: w("(?:we|i)(?:'d| would) like to (?:order|purchase|buy)|(?:we|i) (?:want|wish) to order|(?:has )?issued (?:a )?purchase order"), weight: 3 },
  { category: 'Invoicing', field: 'subject', re: w('invoices?|invoicing|billing|payments?|remittance|past due|overdue|statement of account|credit note|credit memo|rechnung|factura|facture'), weight: 4 },
  { category: 'Invoicing', field: 'body', re: w('payment (?:is )?(?:due|overdue|terms)|remit(?:tance)?|wire transfer|net ?30|outstanding balance|amount due|please pay|paid in full|bank details'), weight: 2 },
  { category: 'Shipping', field: 'subject', re: w('ship(?:ping|ment|ped)?|deliver(?:y|ed|ies)?|tracking|freight|dispatch(?:ed)?|eta|carrier|backorder(?:ed)?|lieferung|versand'), weight: 4 },
  { category: 'Shipping', field: 'body', re: w('tracking(?: number| no\\.?| #)?|shipped (?:via|with|today)|out for delivery|delivery date|(?:expected|estimated) delivery|in transit|pick-?up|pallets?|bill of lading|waybill|consignment|carrier|eta'), weight: 2 },
  { category: 'Support', field: 'subject', re: w('support|issues?|problems?|broken|defect(?:s|ive)?|errors?|not working|complaint|help|rma|warranty|damaged|cracked|faulty|failure|repair|fault|ticket|outage|quality|wrong (?:parts?|items?|products?|material)'), weight: 4 },
  { category: 'Support', field: 'body', re: w("not working|doesn'?t work|stopped working|error (?:message|code)|broken|defective|damaged|please help|troubleshoot|malfunction|faulty|keeps (?:failing|crashing)|return (?:it|them)|cracks?|cracked|crushed|bent|unusable|replacements? for|wrong (?:parts?|items?|sizes?|quantity|products?|material)|return (?:these|the wrong)"), weight: 2 },
  // "Where is my order?" asks about a delivery, though it names the order (which scores for Order Processing).
  { category: 'Shipping', field: 'body', re: w("where(?: is|'s) (?:my|our) (?:order|shipment|package|delivery)|(?:has|have)n'?t (?:arrived|shipped)|(?:has|have) not (?:yet )?(?:arrived|shipped)|supposed to (?:arrive|ship)|when (?:will|does) it ship"), weight: 3 },
];

const ENTITY_RULES: EntityRule[] = [
  { category: 'Quote Processing', kind: 'quote_numbers', label: 'quote number', weight: 3 },
  { category: 'Order Processing', kind: 'po_numbers', label: 'PO number', weight: 3 },
  { category: 'Order Processing', kind: 'order_numbers', label: 'order number', weight: 2 },
  { category: 'Invoicing', kind: 'invoice_numbers', label: 'invoice number', weight: 3 },
  { category: 'Shipping', kind: 'tracking_numbers', label: 'tracking number', weight: 3 },
];

/** Ties go to the category listed first: money and commitments before general help. */
const TIE_ORDER: Record<string, number> = Object.fromEntries(CATEGORIES.map((c, i) => [c, i]));

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function customRules(rules: CustomRule[]): Rule[] {
  return rules.map((r) => ({
    category: r.category,
    field: r.field,
    re: new RegExp(String.raw`(?<![\w])(?:${r.terms.map(escapeRe).join('|')})(?![\w])`, 'i'),
    weight: r.weight,
  }));
}

export interface Categorised {
  category: string;
  score: number;
  reason: string;
}

/** Compiled rules per config (custom rules are regexes; compile once per batch, not per message). */
export function compileRules(config: IngestConfig): Rule[] {
  return [...DEFAULT_RULES, ...customRules(config.rules)];
}

/** A weight from outside the text rules (the judgement found a problem reported: support work). */
export interface ExtraHit {
  category: string;
  weight: number;
  line: string;
}

export function categorise(subject: string, body: string, entities: Entities, rules: Rule[], minScore: number, extra: ExtraHit[] = []): Categorised {
  const scores = new Map<string, number>();
  const why = new Map<string, string[]>();
  const hit = (category: string, weight: number, line: string) => {
    scores.set(category, (scores.get(category) ?? 0) + weight);
    why.set(category, [...(why.get(category) ?? []), `${line} (${weight > 0 ? '+' : ''}${weight})`]);
  };
  for (const r of rules) {
    const fields: Array<['subject' | 'body', string]> = r.field === 'any' ? [['subject', subject], ['body', body]] : [[r.field, r.field === 'subject' ? subject : body]];
    for (const [name, text] of fields) {
      const m = r.re.exec(text);
      if (m) {
        hit(r.category, r.weight, `${name} mentions "${m[0].toLowerCase()}"`);
        break;
      }
    }
  }
  for (const r of ENTITY_RULES) {
    const list = entities[r.kind];
    if (list.length > 0) hit(r.category, r.weight, `${r.label} ${list[0]}`);
  }
  for (const x of extra) hit(x.category, x.weight, x.line);
  let best: string | undefined;
  let bestScore = 0;
  for (const [category, score] of scores) {
    if (
      score > bestScore ||
      (score === bestScore && best !== undefined && (TIE_ORDER[category] ?? 99) < (TIE_ORDER[best] ?? 99))
    ) {
      best = category;
      bestScore = score;
    }
  }
  if (!best || bestScore < minScore) {
    const near = best ? `; best was ${best} with ${bestScore}` : '';
    return { category: 'General', score: bestScore, reason: `General: no category reached score ${minScore}${near}` };
  }
  return { category: best, score: bestScore, reason: `${best} (score ${bestScore}): ${why.get(best)!.join(', ')}` };
}

// ------------------------------------------------------------------ priority
const URGENT = /\b(?:urgent|asap|emergency|critical|line (?:is )?down|production (?:is )?(?:down|stopped|halted)|immediately|dringend)\b/i;
const HIGH = /\b(?:rush|expedite|high priority|time[- ]sensitive|by (?:today|tomorrow|eod|end of day)|final notice|overdue)\b/i;

export interface Prioritised {
  priority: TaskPriority;
  reason: string;
}

/** 12345.5 → "12,345.5" (toLocaleString is slow enough to show in a profile of 10,000 mails). */
function groupThousands(v: number): string {
  const [int, frac] = String(v).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

const RANK: Record<TaskPriority, number> = { NORMAL: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

export function prioritise(input: {
  subject: string;
  body: string;
  importanceHigh: boolean;
  dollarValue: number;
  currency: string;
  highValueThreshold: number;
  category: string;
}): Prioritised {
  let priority: TaskPriority = 'NORMAL';
  const why: string[] = [];
  const raise = (p: TaskPriority, line: string) => {
    if (RANK[p] > RANK[priority]) priority = p;
    why.push(`${line} → ${p}`);
  };
  const us = URGENT.exec(input.subject);
  if (us) raise('CRITICAL', `subject says "${us[0].toLowerCase()}"`);
  else {
    const ub = URGENT.exec(input.body);
    if (ub) raise('HIGH', `body says "${ub[0].toLowerCase()}"`);
  }
  const h = HIGH.exec(input.subject) ?? HIGH.exec(input.body);
  if (h) raise('HIGH', `mentions "${h[0].toLowerCase()}"`);
  if (input.importanceHigh) raise('HIGH', 'marked high importance');
  const money = `${input.currency} ${groupThousands(input.dollarValue)}`;
  if (input.dollarValue >= input.highValueThreshold) raise('CRITICAL', `value ${money} ≥ high-value threshold`);
  else if (input.dollarValue >= 10_000) raise('HIGH', `value ${money} ≥ 10,000`);
  else if (input.dollarValue >= 1_000) raise('MEDIUM', `value ${money} ≥ 1,000`);
  if (priority === 'NORMAL' && (input.category === 'Order Processing' || input.category === 'Quote Processing')) {
    raise('MEDIUM', `${input.category.toLowerCase()} is revenue work`);
  }
  return { priority, reason: why.length ? `priority ${priority}: ${why.join(', ')}` : 'priority NORMAL: no urgency cues' };
}
