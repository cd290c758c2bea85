/**
 * A deterministic generator of realistic business mail: quote requests and replies, purchase orders
 * with PDF attachments, invoices (some HTML-only, some in euros), shipping notices, support threads,
 * forwards, newsletters, bounces and a few malformed messages. Same seed → same mailbox, byte for
 * byte. Used by the demo seed and by bench/ingest.
 */

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Customer {
  company: string;
  domain: string;
  contact: string;
  phone: string;
  euro?: boolean;
}

const CUSTOMERS: Customer[] = [
  { company: 'Acme Industrial Supply Inc.', domain: 'acme-industrial.com', contact: 'Jane Porter', phone: '+1 (312) 555-0142' },
  { company: 'Globex Manufacturing LLC', domain: 'globex-mfg.com', contact: 'Hank Scorpio', phone: '(415) 555-0199' },
  { company: 'Initech Corp.', domain: 'initech.io', contact: 'Bill Lumbergh', phone: '512-555-0117' },
  { company: 'Umbrella Logistics Ltd', domain: 'umbrella-logistics.co.uk', contact: 'Alice Abernathy', phone: '+44 20 7946 0958' },
  { company: 'Stark Fabrication GmbH', domain: 'stark-fab.de', contact: 'Klaus Weber', phone: '+49 30 1234567', euro: true },
  { company: 'Wayne Components Corporation', domain: 'waynecomponents.com', contact: 'Lucius Fox', phone: '+1 212 555 0177' },
  { company: 'Cyberdyne Systems Inc', domain: 'cyberdyne.com', contact: 'Miles Dyson', phone: '(213) 555-0123' },
  { company: 'Soylent Foods Co.', domain: 'soylentfoods.com', contact: 'Sol Roth', phone: '646-555-0155' },
  { company: 'Tyrell Robotics AG', domain: 'tyrell-robotics.ch', contact: 'Eldon Tyrell', phone: '+41 44 668 1800', euro: true },
  { company: 'Hooli Hardware LLC', domain: 'hooli-hw.com', contact: 'Gavin Belson', phone: '(650) 555-0188' },
  { company: 'Vandelay Industries Inc.', domain: 'vandelay.com', contact: 'Art Vandelay', phone: '718-555-0134' },
  { company: 'Pied Piper Packaging Ltd', domain: 'piedpiper-pack.co.uk', contact: 'Monica Hall', phone: '+44 161 496 0752' },
];

const PRODUCTS = ['stainless brackets', 'hydraulic fittings', 'M8 hex bolts', 'aluminium enclosures', 'conveyor rollers', 'PLC control panels', 'gaskets', 'bearing assemblies', 'steel tubing', 'safety valves'];
const STAFF = ['Sam Ortiz', 'Priya Nair', 'Tom Becker', 'Lena Fischer'];
const OUR_DOMAIN = 'northwind-demo.example';

export interface GeneratedMessage {
  raw: string;
  kind: string;
  /** When it arrived (ms): its Date header; for a duplicate, when the copy came in. */
  at: number;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const usd = (v: number) => `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const eur = (v: number) => `€${v.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const longDate = (ms: number) => new Date(ms).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

function signature(c: Customer, title = 'Purchasing Manager'): string {
  return `--\n${c.contact}\n${title}\n${c.company}\nTel: ${c.phone}`;
}

function headers(h: Record<string, string | undefined>): string {
  return Object.entries(h)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
}

const DISCLAIMER =
  'CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely for the addressee. ' +
  'If you have received it in error, please notify the sender and delete it. Any views expressed are those of the ' +
  'individual sender unless stated otherwise. Please consider the environment before printing this e-mail.';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let boundaryCounter = 0;

/**
 * Most business mail is multipart/alternative: a text part and an Outlook-style HTML twin, plus a
 * legal footer — so generated messages have the size and shape of real ones (a few KB each).
 */
function plain(h: Record<string, string | undefined>, body: string): string {
  const text = `${body}\n\n${DISCLAIMER}`.replace(/\r?\n/g, '\r\n');
  const boundary = `_000_alt${++boundaryCounter}_`;
  const paras = `${body}\n\n${DISCLAIMER}`
    .split('\n')
    .map((l) => `<p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif;color:#1F497D">${l.trim() ? escapeHtml(l) : '&nbsp;'}</span></p>`)
    .join('\r\n');
  const htmlPart = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style><!--\r\np.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}\r\n--></style></head><body lang="EN-US" link="#0563C1" vlink="#954F72"><div class="WordSection1">\r\n${paras}\r\n</div></body></html>`;
  return `${headers({ ...h, 'MIME-Version': '1.0', 'Content-Type': `multipart/alternative; boundary="${boundary}"` })}\r\n\r\n--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${text}\r\n--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${htmlPart}\r\n--${boundary}--\r\n`;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n').toString('base64');

function withPdf(h: Record<string, string | undefined>, body: string, filename: string, boundary: string): string {
  return `${headers({ ...h, 'MIME-Version': '1.0', 'Content-Type': `multipart/mixed; boundary="${boundary}"` })}\r\n\r\n--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}\r\n--${boundary}\r\nContent-Type: application/pdf; name="${filename}"\r\nContent-Disposition: attachment; filename="${filename}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${PDF}\r\n--${boundary}--\r\n`;
}

function html(h: Record<string, string | undefined>, bodyHtml: string): string {
  return `${headers({ ...h, 'MIME-Version': '1.0', 'Content-Type': 'text/html; charset=utf-8' })}\r\n\r\n${bodyHtml}\r\n`;
}

/** What one generated message is about: its customer, our staff member, the goods and their figures, and its roll of the kind. */
interface Draft {
  seed: number;
  i: number;
  at: number;
  c: Customer;
  staff: string;
  product: string;
  qty: number;
  value: number;
  due: number;
  mid: string;
  from: string;
  to: string;
  base: Record<string, string>;
  roll: number;
  qn: string;
  po: string;
}

function draft(r: () => number, seed: number, i: number, at: number): Draft {
  const c = pick(r, CUSTOMERS);
  const staff = pick(r, STAFF);
  const product = pick(r, PRODUCTS);
  const qty = int(r, 1, 40) * 5;
  // Mostly small orders, now and then a large deal.
  const unit = (r() < 0.08 ? int(r, 300, 2500) : int(r, 2, 120)) + int(r, 0, 99) / 100;
  const value = Math.round(qty * unit * 100) / 100;
  const due = at + int(r, 5, 30) * 86_400_000;
  const mid = `<${seed}.${i}.${Math.floor(r() * 1e9).toString(36)}@${c.domain}>`;
  const from = `${c.contact} <${c.contact.split(' ')[0]!.toLowerCase()}@${c.domain}>`;
  const to = `${staff} <${staff.split(' ')[0]!.toLowerCase()}@${OUR_DOMAIN}>`;
  const base = { From: from, To: to, Date: rfc2822(at), 'Message-ID': mid };
  const roll = r();
  const qn = `Q-${int(r, 10000, 99999)}`;
  const po = `${4500000 + int(r, 0, 99999)}`;
  return { seed, i, at, c, staff, product, qty, value, due, mid, from, to, base, roll, qn, po };
}

type Writer = (r: () => number, d: Draft) => string;

/** Kinds of mail by share: each applies below its threshold of the message's roll. */
const KINDS: Array<{ below: number; kind: string; write: Writer }> = [
  { below: 0.03, kind: 'malformed', write: (r) => (r() < 0.5 ? '' : `this is not an email at all\r\n${'x'.repeat(int(r, 10, 200))}\r\n`) },
  {
    below: 0.2,
    kind: 'quote_request',
    write: (r, { base, product, qty, staff, due, value, c }) =>
      plain(
        { ...base, Subject: pick(r, [`RFQ: ${product} x${qty}`, `Quote request - ${product}`, `Pricing for ${qty} ${product}?`]) },
        `Hello ${staff.split(' ')[0]},\n\nCould you send us a quote for ${qty} ${product}? We need delivery by ${longDate(due)}.\nOur budget is around ${usd(Math.round(value * 1.1))}.\n\nThanks,\n${signature(c)}`,
      ),
  },
  {
    below: 0.32,
    kind: 'quote_reply',
    write: (_r, { base, qn, product, i, staff, value, qty, c, at }) =>
      plain(
        { ...base, Subject: `RE: Quote ${qn} for ${product}`, 'In-Reply-To': `<q.${i}@${OUR_DOMAIN}>` },
        `Hi ${staff.split(' ')[0]},\n\nThanks for quote ${qn}. Can you do ${usd(Math.round(value * 0.95))} if we commit to ${qty} units?\n\n${signature(c)}\n\nOn ${rfc2822(at - 86_400_000)}, ${staff} wrote:\n> Please find our quotation ${qn}: ${qty} ${product} at ${usd(value)} total.\n> Lead time 3 weeks.\n`,
      ),
  },
  {
    below: 0.47,
    kind: 'purchase_order',
    write: (r, { base, po, product, qty, c, value, due, seed, i }) => {
      const h = { ...base, Subject: pick(r, [`PO# ${po} - ${product}`, `Purchase Order ${po}`, `New order: PO ${po}`]) };
      const body = `Hello,\n\nPlease find attached our purchase order PO# ${po} for ${qty} ${product}, total ${c.euro ? eur(value) : usd(value)}.\nPlease confirm receipt and ship by ${longDate(due)}.\n\nRegards,\n${signature(c)}`;
      return withPdf(h, body, `PO-${po}.pdf`, `b${seed}x${i}`);
    },
  },
  {
    below: 0.6,
    kind: 'invoice',
    write: (r, { base, at, c, value, due, po }) => {
      const inv = `INV-${new Date(at).getUTCFullYear()}-${int(r, 1000, 9999)}`;
      const amount = c.euro ? eur(value) : usd(value);
      const h = { ...base, Subject: pick(r, [`Invoice ${inv}`, `Invoice ${inv} - payment due ${longDate(due)}`, `Past due: invoice ${inv}`]) };
      return r() < 0.5
        ? html(h, `<html><body><p>Dear customer,</p><p>Please find invoice <b>${inv}</b> for PO ${po}.</p><table><tr><td>Amount due</td><td>${amount}</td></tr></table><p>Payment terms: net 30.</p><p>${c.company}<br>Accounts Receivable</p></body></html>`)
        : plain(h, `Hello,\n\nInvoice ${inv} for PO ${po} is attached. Amount due: ${amount}, payable by ${longDate(due)}.\n\n${signature(c, 'Accounts Receivable')}`);
    },
  },
  {
    below: 0.7,
    kind: 'shipping',
    write: (r, { base, qty, product, due, c }) => {
      const track = `1Z${Array.from({ length: 16 }, () => '0123456789ABCDEFGHJKLMNPRSTUVWXY'[int(r, 0, 31)]).join('')}`;
      return plain(
        { ...base, Subject: `Your order SO-${int(r, 10000, 99999)} has shipped` },
        `Good news: ${qty} ${product} shipped today via UPS.\nTracking number: ${track}\nExpected delivery: ${longDate(due)}.\n\n${signature(c, 'Shipping Desk')}`,
      );
    },
  },
  {
    below: 0.82,
    kind: 'support',
    write: (r, { base, product, c }) => {
      const urgent = r() < 0.3;
      return plain(
        { ...base, Subject: `${urgent ? 'URGENT: ' : ''}Problem with ${product} from order SO-${int(r, 10000, 99999)}` },
        `Hi,\n\nSeveral of the ${product} we received are defective and ${urgent ? 'our line is down' : 'not working as expected'}.\nCan you help? Please call me at ${c.phone}.\n\n${signature(c, 'Plant Engineer')}`,
      );
    },
  },
  {
    below: 0.88,
    kind: 'forward',
    write: (_r, { base, staff, po, from, at, qty, product, value, c }) =>
      plain(
        { ...base, From: `${staff} <${staff.split(' ')[0]!.toLowerCase()}@${OUR_DOMAIN}>`, To: `orders@${OUR_DOMAIN}`, Subject: `Fwd: Purchase Order ${po}` },
        `Can someone enter this one?\n\n---------- Forwarded message ---------\nFrom: ${from}\nDate: ${rfc2822(at - 3_600_000)}\nSubject: Purchase Order ${po}\n\nPlease process PO ${po}: ${qty} ${product}, ${usd(value)}.\n\n${signature(c)}`,
      ),
  },
  {
    below: 0.94,
    kind: 'newsletter',
    write: (_r, { base, c }) =>
      plain(
        { ...base, From: `news@${c.domain}`, Subject: `${c.company.split(' ')[0]} monthly news`, 'List-Unsubscribe': `<mailto:unsubscribe@${c.domain}>`, Precedence: 'bulk' },
        `Our latest products and trade-show dates. Unsubscribe any time.`,
      ),
  },
  {
    below: 0.97,
    kind: 'bounce',
    write: (_r, { c, to, at, mid }) =>
      plain(
        { From: `MAILER-DAEMON@mx.${c.domain}`, To: to, Date: rfc2822(at), 'Message-ID': mid, Subject: 'Undelivered Mail Returned to Sender' },
        `This is the mail system at host mx.${c.domain}.\nI'm sorry to have to inform you that your message could not be delivered.`,
      ),
  },
  {
    below: Infinity,
    kind: 'general_no_id',
    write: (_r, { base, staff, due, c }) => {
      // No Message-ID: deduplicated by content hash.
      const { 'Message-ID': _m, ...noId } = base;
      return plain({ ...noId, Subject: `Visit next week?` }, `Hi ${staff.split(' ')[0]}, could we meet on ${longDate(due)} to go over next quarter's volumes?\n\n${signature(c)}`);
    },
  },
];

/**
 * `count` messages spread over [startMs, endMs), in time order. About 2% are exact duplicates (as
 * mailbox exports have) and about 1% are malformed.
 */
export function generateMail(seed: number, count: number, startMs: number, endMs: number): GeneratedMessage[] {
  const r = prng(seed);
  boundaryCounter = 0;
  const out: GeneratedMessage[] = [];
  const step = (endMs - startMs) / Math.max(1, count);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(startMs + i * step + r() * step * 0.9);
    const d = draft(r, seed, i, at);
    if (out.length > 0 && d.roll < 0.02) {
      out.push({ raw: out[out.length - 1]!.raw, kind: 'duplicate', at });
      continue;
    }
    const { kind, write } = KINDS.find((k) => d.roll < k.below)!;
    out.push({ raw: write(r, d), kind, at });
  }
  return out;
}

/** mboxrd: "From " separators, body lines matching /^>*From / get one more ">". */
export function toMbox(messages: string[]): string {
  return messages
    .map((m, i) => `From sender${i}@example.com Thu Jan  1 00:00:00 2026\n${m.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1')}\n`)
    .join('\n');
}
