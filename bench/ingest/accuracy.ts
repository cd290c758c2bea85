/**
 * Extraction accuracy against a labelled corpus (test/fixtures/email): precision and recall per
 * entity type, category accuracy and actionable accuracy — overall, and as the two rates the
 * hidden set of real mail is scored on: the share of actionable mail that becomes a task, and the
 * share of non-actionable mail that does. Used by the accuracy test (test/ingest.test.ts) and
 * bench/ingest/run.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyseMessage, type AnalysisContext } from '../../src/ingest/analyse.js';
import { DEFAULT_INGEST_CONFIG } from '../../src/ingest/config.js';
import { ENTITY_TYPES, normaliseCompany, type Entities, type EntityType } from '../../src/ingest/entities.js';

export interface Expectation {
  category: string | null;
  actionable: boolean;
  failed?: boolean;
  entities: Partial<Record<EntityType, string[]>>;
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface CorpusReport {
  messages: number;
  byType: Record<EntityType, TypeScore>;
  categoryAccuracy: number;
  actionableAccuracy: number;
  /** Actionable messages (that parse) and how many of them became tasks. */
  actionable: { total: number; tasks: number };
  /** Non-actionable messages (that parse) and how many of them became tasks anyway. */
  notActionable: { total: number; tasks: number };
  /** Every disagreement, for a readable failure message. */
  mismatches: string[];
}

/** The corpus is labelled as Northwind Fabrication Ltd's mailbox. */
export const CORPUS_CONTEXT: AnalysisContext = {
  config: DEFAULT_INGEST_CONFIG,
  currency: 'USD',
  highValueThreshold: 50_000,
  selfNames: ['Northwind Fabrication Ltd'],
};

const ID_TYPES = new Set<EntityType>(['po_numbers', 'quote_numbers', 'invoice_numbers', 'order_numbers', 'tracking_numbers']);

/**
 * Document numbers compare case-insensitively on letters and digits only, as the hidden set is
 * scored ("INV-00123" = "inv 00123" = "INV00123"); the label's prefix ("PO-", "INV-") still counts.
 */
function norm(type: EntityType, v: string): string {
  if (type === 'customers') return normaliseCompany(v).replace(/[.,]/g, '').toLowerCase();
  if (ID_TYPES.has(type)) return v.replace(/[^\p{L}\p{N}]+/gu, '').toUpperCase();
  return v.trim().toUpperCase();
}

function actualValues(type: EntityType, e: Entities): string[] {
  if (type === 'amounts') return e.amounts.map((a) => `${a.value} ${a.currency}`);
  return e[type] as string[];
}

export async function scoreCorpus(dir: string, ctx: AnalysisContext = CORPUS_CONTEXT): Promise<CorpusReport> {
  const expectations = JSON.parse(await readFile(join(dir, 'expectations.json'), 'utf8')) as Record<string, Expectation>;
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityType, { tp: number; fp: number; fn: number }>;
  const mismatches: string[] = [];
  let catOk = 0;
  let catTotal = 0;
  let actOk = 0;
  const actionable = { total: 0, tasks: 0 };
  const notActionable = { total: 0, tasks: 0 };
  let seq = 0;
  for (const [file, exp] of Object.entries(expectations)) {
    const r = await analyseMessage(await readFile(join(dir, file)), ++seq, ctx);
    if (!r.ok) {
      if (exp.failed) actOk += 1;
      else mismatches.push(`${file}: failed (${r.reason}) but expected to parse`);
      for (const t of ENTITY_TYPES) counts[t].fn += (exp.entities[t] ?? []).length;
      continue;
    }
    if (exp.failed) mismatches.push(`${file}: parsed but expected to fail`);
    const task = !r.notActionable;
    if (!exp.failed) {
      const rate = exp.actionable ? actionable : notActionable;
      rate.total += 1;
      if (task) rate.tasks += 1;
    }
    if (task === exp.actionable && !exp.failed) actOk += 1;
    else if (!exp.failed) mismatches.push(`${file}: actionable ${task} (${r.notActionable ?? r.categoryReason}) expected ${exp.actionable}`);
    if (exp.actionable && exp.category) {
      catTotal += 1;
      if (r.category === exp.category) catOk += 1;
      else mismatches.push(`${file}: category ${r.category} expected ${exp.category} — ${r.categoryReason}`);
    }
    for (const t of ENTITY_TYPES) {
      const want = new Set((exp.entities[t] ?? []).map((v) => norm(t, v)));
      const got = new Set(actualValues(t, r.entities).map((v) => norm(t, v)));
      for (const g of got) {
        if (want.has(g)) counts[t].tp += 1;
        else {
          counts[t].fp += 1;
          mismatches.push(`${file}: unexpected ${t} ${g}`);
        }
      }
      for (const w of want) {
        if (!got.has(w)) {
          counts[t].fn += 1;
          mismatches.push(`${file}: missed ${t} ${w}`);
        }
      }
    }
  }
  const byType = Object.fromEntries(
    ENTITY_TYPES.map((t) => {
      const c = counts[t];
      return [t, { ...c, precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1, recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1 }];
    }),
  ) as Record<EntityType, TypeScore>;
  const n = Object.keys(expectations).length;
  return { messages: n, byType, categoryAccuracy: catTotal ? catOk / catTotal : 1, actionableAccuracy: actOk / n, actionable, notActionable, mismatches };
}
