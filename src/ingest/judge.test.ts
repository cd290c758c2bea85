import { describe, expect, it } from 'vitest';
import { analyseMessage, type AnalysedMessage } from './analyse.js';
import { DEFAULT_INGEST_CONFIG } from './config.js';
import { ownText } from './own-text.js';

const ctx = { config: DEFAULT_INGEST_CONFIG, currency: 'USD', highValueThreshold: 50_000, selfNames: ['Northwind Fabrication Ltd'] };

let n = 0;
function mail(subject: string, body: string, opts: { from?: string; headers?: string[]; contentType?: string } = {}): string {
  n += 1;
  return [
    `From: ${opts.from ?? 'Jane Porter <jane@acme-industrial.example>'}`,
    'To: Sam Ortiz <sam@northwind.example>',
    `Subject: ${subject}`,
    'Date: Tue, 10 Mar 2026 10:00:00 -0500',
    `Message-ID: <judge-${n}@test.example>`,
    ...(opts.headers ?? []),
    `Content-Type: ${opts.contentType ?? 'text/plain; charset=utf-8'}`,
    '',
    body.replace(/\n/g, '\r\n'),
    '',
  ].join('\r\n');
}

async function judged(raw: string): Promise<AnalysedMessage> {
  const r = await analyseMessage(raw, 1, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

async function signalReason(raw: string): Promise<string> {
  const r = await judged(raw);
  expect(r.notActionable, `expected a signal only, got a task: ${r.categoryReason}`).toBeDefined();
  return r.notActionable!;
}

async function taskReason(raw: string): Promise<string> {
  const r = await judged(raw);
  expect(r.notActionable, 'expected a task').toBeUndefined();
  return r.categoryReason;
}

describe('work or noise: headers first', () => {
  const order = 'Please process our PO 4500123 for 200 fittings.';

  it('keeps auto-replies, bulk and list mail a signal whatever the text asks, and says which header decided', async () => {
    expect(await signalReason(mail('PO 4500123', order, { headers: ['Auto-Submitted: auto-replied'] }))).toBe('auto-reply (Auto-Submitted: auto-replied)');
    expect(await signalReason(mail('PO 4500123', order, { headers: ['X-Autoreply: yes'] }))).toBe('auto-reply (X-Autoreply / X-Autorespond)');
    expect(await signalReason(mail('News', 'Can you join us?', { headers: ['Precedence: bulk'] }))).toBe('bulk mail (Precedence: bulk)');
    expect(await signalReason(mail('News', 'Can you join us?', { headers: ['List-Unsubscribe: <mailto:u@x.example>'] }))).toBe('newsletter (List-Unsubscribe)');
    expect(await signalReason(mail('News', 'Can you join us?', { headers: ['List-Id: Weekly <weekly.x.example>'] }))).toBe('mailing list (List-Id: Weekly <weekly.x.example>)');
    expect(await signalReason(mail('Undelivered', 'x', { from: 'MAILER-DAEMON@mx.example' }))).toBe('bounce (sent by mailer-daemon)');
  });

  it('tells delivery reports from read receipts by the report type', async () => {
    const report = (type: string) => mail('Report', '--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--', { contentType: `multipart/report; report-type=${type}; boundary="b"` });
    expect(await signalReason(report('delivery-status'))).toBe('delivery report (multipart/report; delivery-status)');
    expect(await signalReason(report('disposition-notification'))).toBe('read receipt (multipart/report; disposition-notification)');
  });

  it('reads a list people post to (a group alias such as orders@) by its text, not its list headers', async () => {
    const group = ['List-Id: <orders.northwind.example>', 'List-Post: <mailto:orders@northwind.example>', 'Precedence: list'];
    expect(await taskReason(mail('PO 4500123', order, { headers: group }))).toMatch(/^order placed: PO 4500123/);
  });

  it('lets an ERP send a PO automatically (Auto-Submitted: auto-generated), but never an auto-reply', async () => {
    expect(await taskReason(mail('Purchase Order 4500123', order, { headers: ['Auto-Submitted: auto-generated'] }))).toMatch(/^order placed: PO 4500123 .*sent automatically/);
    expect(await signalReason(mail('Your password expires', 'Please change your password.', { headers: ['Auto-Submitted: auto-generated'] }))).toMatch(/^auto-reply \(Auto-Submitted: auto-generated\)/);
  });
});

describe('work or noise: no-reply senders', () => {
  it('keeps a no-reply notification a signal though it says "please"', async () => {
    expect(await signalReason(mail('Password expiry', 'Please change your password before 03/15/2026.', { from: 'Portal <noreply@portal.example>' }))).toBe('no-reply sender (noreply@…)');
    expect(await signalReason(mail('You appeared in 14 searches', 'See who is looking?', { from: 'notifications-noreply@social.example' }))).toMatch(/^no-reply sender/);
  });

  it('still makes a task of a PO or an invoice due sent from a no-reply address, and of a web-form enquiry', async () => {
    expect(await taskReason(mail('Purchase Order PO-2026-0412', 'Keystone Valves Inc. has issued Purchase Order PO-2026-0412. Please confirm receipt.', { from: 'noreply@erp.example' }))).toMatch(
      /^order placed: PO PO-2026-0412 .*\(from a no-reply address\)/,
    );
    expect(await taskReason(mail('Invoice 1043', 'Invoice #: 1043\nBalance due: $3,450.00\nDue date: 04/08/2026', { from: 'quickbooks@notification.intuit.example' }))).toMatch(/^invoice due: invoice 1043/);
    expect(await taskReason(mail('New website enquiry', 'Message: Please send pricing for 200 rollers.', { from: 'noreply@northwind.example' }))).toMatch(/relayed by a web form/);
  });

  it('does not take orders@ or sales@ for a no-reply address', async () => {
    expect(await taskReason(mail('Order 88121', 'Can you confirm the ship date for order 88121?', { from: 'orders@acme.example' }))).toMatch(/^request: 'Can you confirm/);
  });
});

describe('work or noise: automated content without headers', () => {
  it('reads bounces, read receipts, auto-replies and calendar replies by their subject', async () => {
    expect(await signalReason(mail('Undeliverable: Invoice 30021', 'Delivery has failed.'))).toMatch(/^bounce \(subject "Undeliverable/);
    expect(await signalReason(mail('Read: Invoice 30021', 'Your message was read.'))).toMatch(/^read receipt/);
    expect(await signalReason(mail('Automatic reply: PO 4500123', 'I am away.'))).toMatch(/^auto-reply \(subject/);
    expect(await signalReason(mail('Accepted: Quarterly review', 'Monica has accepted this invitation.'))).toMatch(/^calendar message/);
  });

  it('reads an out-of-office by its text, its "for urgent matters please contact" included', async () => {
    const ooo = 'Thank you for your email. I am out of the office until March 13 with limited access to email.\nFor urgent matters please contact orders@acme.example.';
    expect(await signalReason(mail('Re: Quote request', ooo))).toBe('out-of-office reply');
  });

  it('takes an unsubscribe footer for a newsletter', async () => {
    expect(await signalReason(mail('March insights', 'Register now for our webinar! Questions? Reply to us.\nUnsubscribe | Manage preferences'))).toMatch(/^newsletter or marketing \("unsubscribe"/);
  });
});

describe('work or noise: the sender’s own words', () => {
  it('makes a task of a request and quotes the words that asked', async () => {
    expect(await taskReason(mail('Cable ties', 'Hi,\n\nCould you quote 1,000 pcs of 14" stainless ties?\n\nJenna'))).toMatch(/^request: 'Could you quote 1,000 pcs…'/);
    expect(await taskReason(mail('Certs', 'Kindly send the CoC for our last shipment.'))).toMatch(/^request: 'Kindly send the CoC…'/);
    expect(await taskReason(mail('Drawings', 'Sam, I need the updated drawings before Thursday.'))).toMatch(/^request: 'I need the updated drawings…'/);
    expect(await taskReason(mail('Stock', 'Do you have 200 of part 7731 in stock?'))).toMatch(/^request: 'Do you have 200 of part…'/);
    expect(await taskReason(mail('Visit', 'I will be in Chicago on the 18th. Does 10am work?'))).toMatch(/^question: 'Does 10am work\?'/);
  });

  it('makes a task of problems, disputes, orders placed and invoices due', async () => {
    expect(await taskReason(mail('Damaged stringers', 'Three of the stringers arrived bent at the base plate.'))).toMatch(/^problem reported: .*bent/);
    expect(await taskReason(mail('Billed twice?', 'We were billed twice for invoice number 2026-00871.'))).toMatch(/^invoice disputed: /);
    expect(await taskReason(mail('PO 4509876', 'Attached PO 4509876 for 200 brackets.'))).toMatch(/^order placed: PO 4509876/);
    expect(await taskReason(mail('Invoice 7781', 'Our invoice 7781 for $2,400.00 is now 15 days overdue.'))).toMatch(/^invoice due: invoice 7781/);
  });

  it('puts a reported problem in Support, though the mail names its PO and shipment', async () => {
    const r = await judged(mail('Wrong parts in your shipment on PO 4500912', 'The box labelled M10 contains M8 brackets. We need the correct parts by Friday.'));
    expect(r.category).toBe('Support');
    expect(r.categoryReason).toContain('a problem is reported (+4)');
  });

  it('ignores boilerplate that only sounds like a request', async () => {
    const shipped = 'Your order #W12345 is on the way and should arrive Thursday.\n\nNeed to make a change? Call us.\nPlease do not reply to this email.\nIf you have any questions, please contact us.\nLet me know if you have any questions.';
    expect(await signalReason(mail('Your order has shipped', shipped))).toMatch(/^information only: shipping notice \('.*'\), nothing asked$/);
  });

  it('reads a reply by its own text: a thank-you under a quoted PO is no order', async () => {
    const reply = 'Got it, thanks Sam!\n\nFrom: Sam Ortiz <sam@northwind.example>\nSent: Monday, March 9, 2026 3:45 PM\nSubject: PO 4510021\n\nPlease confirm PO 4510021 and PO 4510022.';
    const r = await judged(mail('RE: Order confirmation for PO 4510021', reply));
    expect(r.notActionable).toBe('thank-you or acknowledgement, nothing asked');
    expect(r.entities.po_numbers).toEqual(['4510021']); // the subject's, not the quoted history's 4510022
    expect(await signalReason(mail('RE: PO 4500123', 'Confirmed.\n\n-----Original Message-----\nFrom: Sam\nSent: Monday\n\nPlease confirm receipt of PO 4500123.'))).toBe(
      'thank-you or acknowledgement, nothing asked',
    );
  });

  it('reads a forward by what was forwarded', async () => {
    const fwd = 'FYI\n\n---------- Forwarded message ---------\nFrom: Derek <d@pinnacle.example>\nSubject: PO# PA-44120\n\nPO# PA-44120 attached, please confirm the ship date.';
    const r = await judged(mail('Fwd: PO# PA-44120', fwd));
    expect(r.notActionable).toBeUndefined();
    expect(r.entities.po_numbers).toEqual(['PA-44120']);
  });

  it('keeps information-only mail a signal and names what kind it is', async () => {
    expect(await signalReason(mail('Order 88990 shipped', 'Order 88990 shipped today via FedEx Ground, tracking 771234567890.'))).toMatch(/^information only: shipping notice/);
    expect(await signalReason(mail('Delivered', 'Your package was delivered on 03/05/2026 and left at the front door.'))).toMatch(/^information only: delivery notice/);
    expect(await signalReason(mail('Payment sent', 'We paid invoice 30044 today by wire, $5,210.00.'))).toMatch(/^information only: payment or remittance advice/);
    expect(await signalReason(mail('Order acknowledgement', 'Thank you for your order. Sales order 0088127, PO# 4500930.'))).toMatch(/^information only: order confirmation/);
    expect(await signalReason(mail('Dock hours', 'FYI: Globex receives deliveries 7:00-14:00 from Monday. No action needed.'))).toMatch(/^information only: FYI/);
    expect(await signalReason(mail('Thank you!', 'Just wanted to say thank you for the quick turnaround.'))).toBe('thank-you or acknowledgement, nothing asked');
    expect(await signalReason(mail('Production report', 'Output was 4% above plan this week.'))).toBe('nothing asked: no request, question or business document in the text');
  });

  it('keeps social chatter and sales pitches a signal, though they ask a question', async () => {
    expect(await signalReason(mail("Softball Thursday - who's in?", "Company softball starts Thursday at 6pm. Who's in?"))).toBe('social chatter, no business request');
    const pitch = 'We help manufacturers cut costs by 20%. Would you be open to a 15-minute call? Book a time here.';
    expect(await signalReason(mail('Quick question', pitch))).toMatch(/^sales pitch or marketing/);
  });
});

describe('work or noise on phrasings of real business mail', () => {
  // [a task?, subject, own text, sender]: written from ordinary mail, beyond the labelled corpus.
  const cases: Array<[boolean, string, string, string]> = [
  [false, 'Your order is on the way', 'Hi Sam,\n\nGood news! Your order #W12345 is on the way and should arrive Thursday.\n\nTrack it here: https://x.example/t\n\nNeed to make a change? Reply to this email or call 800-555-0100.\n\nThe Uline Team', 'orders@uline.example'],
  [false, 'Shipment confirmation', 'Dear customer, the goods for your order 4471 were handed to DHL today. AWB 1234567890. Best regards, Logistics', 'logistics@supplier.example'],
  [false, 'Delivered: 2 items', 'Your items were delivered to the front desk at 10:14.', 'tracking@carrier.example'],
  [false, 'Re: PO 4500123', 'Thanks Sam, much appreciated!\n\nOn Mon, Mar 9, 2026 at 9:00 AM Sam <sam@northwind.example> wrote:\n> PO 4500123 shipped today.', 'hank@globex-mfg.com'],
  [false, 'Weekly production report', 'Hi all,\n\nAttached is this week\'s production report. Output was 4% above plan; scrap rate 1.2%.\n\nRegards,\nOps', 'ops@northwind.example'],
  [false, 'Team update', 'Quick update: the new press brake is installed and running. Training is scheduled for next Tuesday.', 'priya@northwind.example'],
  [false, 'Welcome to the Acme supplier portal', 'Your account has been created. Your username is sam@northwind.example.', 'portal@acme.example'],
  [false, 'Payment sent for invoice 30044', 'Hi Lena, we paid invoice 30044 today by wire, $5,210.00. Regards, AP', 'ap@summit.example'],
  [false, 'Out of office', 'I am away until Monday with no access to email.', 'bob@cust.example'],
  [false, 'New login to your account', 'We noticed a new sign-in to your account from Chrome on Windows. If this was you, you can ignore this email.', 'security@bank.example'],
  [false, 'Save 20% this week only', 'Spring sale! 20% off all abrasives. Shop now. To stop receiving these emails click here to unsubscribe.', 'deals@vendor.example'],
  [false, 'Happy holidays from all of us', 'Wishing you and your team a wonderful holiday season and a prosperous new year!', 'ceo@supplier.example'],
  [false, 'Re: Quote Q-10442', 'Great, thanks for the update.', 'jane@acme.example'],
  [false, 'Order 88990 shipped', 'Order 88990 shipped today via FedEx Ground, tracking 771234567890. Let us know if you need anything else.', 'orders@acme.example'],
  [false, 'Your statement is ready', 'Your March statement is now available online. Log in to view it.', 'no-reply@bank.example'],
  [false, 'Meeting notes - supplier review', 'Notes from today: 1) Globex on-time 96% 2) Midwest steel surcharge down 3) next review in June. Thanks everyone for joining.', 'priya@northwind.example'],
  [true, 'Quote needed', 'Hi, we are looking for 500 stainless hinges, 3 inch. What would be your price and lead time?', 'buyer@cust.example'],
  [true, 'PO 4509876', 'Attached PO 4509876 for 200 brackets.', 'buyer@cust.example'],
  [true, 'Invoice 7781 overdue', 'Our invoice 7781 for $2,400.00 is now 15 days overdue. Please arrange payment.', 'ar@vendor.example'],
  [true, 'Problem with last delivery', 'Half of the gaskets in the last delivery are the wrong size. We need replacements by Friday.', 'qa@cust.example'],
  [true, 'Re: Your order has shipped', 'The tracking number you sent does not work, it says label created only. Can you check with the carrier?\n\nOn Tue, Mar 3 Shipping <s@n.example> wrote:\n> shipped', 'buyer@cust.example'],
  [true, 'Drawings for bracket rev C', 'Sam, I need the updated drawings for bracket rev C before Thursday.', 'eng@cust.example'],
  [true, 'Change quantity on PO 4500123', 'Please change the quantity on PO 4500123 from 200 to 250.', 'buyer@cust.example'],
  [true, 'Credit memo request', 'We returned 20 units under RMA 5512 last week; please issue a credit memo.', 'ap@cust.example'],
  [true, 'Pricing for 2027', 'We are preparing our 2027 budget and would appreciate your updated price list by end of month.', 'buyer@cust.example'],
  [true, 'Certificate of conformance', 'Kindly send the CoC for our last shipment.', 'qa@cust.example'],
  [true, 'Re: Delivery schedule', 'That works, but can we get the second half a week earlier?\n\n-----Original Message-----\nFrom: Sam\nSent: Monday\nSubject: Delivery schedule\n\nHalf in April, half in May.', 'buyer@cust.example'],
  [true, 'W-9 needed', 'Our AP system needs your W-9 before we can pay invoice INV-2026-0150.', 'ap@cust.example'],
  [true, 'Order', 'We want to order 40 more enclosures, same spec as PO 4500701.', 'buyer@cust.example'],
  [true, 'Invoice INV-88120', 'Hello, attached is invoice INV-88120 for $3,200.00, terms net 30.', 'billing@vendor.example'],
  [true, 'Not received yet', 'Our order 55123 still has not arrived. Where is it?', 'buyer@cust.example'],
  [true, 'Visit', 'I will be in Chicago on the 18th and would like to stop by your plant. Does 10am work?', 'buyer@cust.example'],
  [false, 'Quick question', 'Hi Sam, I noticed Northwind is growing fast. We help manufacturers cut costs by 20% with AI scheduling. Would you be open to a 15-minute call next week? Book a time here: calendly.com/x', 'rep@saas.example'],
  [false, 'Lights on', 'Someone left their lights on in the parking lot - silver Camry. Is it yours?', 'frontdesk@northwind.example'],
  [false, 'Your Amazon.com order has shipped', 'Hello, your package with Amazon Basics cable ties has shipped. Arriving Friday. Want to change how you receive these emails?', 'shipment-tracking@amazon.example'],
  [false, 'RE: PO 4500123', 'Confirmed.\n\nFrom: Sam\nSent: Monday\nTo: Hank\nSubject: PO 4500123\n\nPlease confirm receipt of PO 4500123.', 'hank@globex-mfg.com'],
  [false, 'Inventory count complete', 'All, the Q1 cycle count is complete. Variance was under 0.5%. Thanks for your help.', 'ops@northwind.example'],
  [true, 'Purchase Order 4500555', 'Good morning, see attached purchase order. Regards, Hank', 'hank@globex-mfg.com'],
  [true, 'RE: Invoice 30021', 'This invoice shows 40 units but we only received 36. Please correct.\n\nFrom: Lena\nSent: Monday\nSubject: Invoice 30021\n\nInvoice 30021 attached.', 'ap@cust.example'],
  [true, 'Samples', 'Could we get 3 samples of the M8 bracket for testing?', 'eng@cust.example'],
  [false, 'Your order has been processed', 'Your order #A-77120 has been processed and will ship within 2 business days. Please review the order details below and let us know if anything is incorrect.\n\nItem: cable ties x 1000', 'orders@vendor.example'],
  [false, 'How did we do?', 'Thanks for your recent order. Please take our 2-minute survey and tell us about your experience.', 'feedback@vendor.example'],
  [false, 'New bank details', 'Please update your records: effective April 1 our remittance address changes to 200 Main St.', 'ar@vendor.example'],
  [false, 'Open house invitation', 'You are invited to our open house on April 9. Tour the new plant, meet the team, enjoy lunch. RSVP by April 1.', 'events@vendor.example'],
  [true, 'Change to order 4471-B', 'Change the quantity on order 4471-B to 300 pcs. Same ship date.', 'buyer@cust.example'],
  [true, 'Globex called', 'Sam - Globex called, they want to move delivery of PO 4500123 to Friday. Can you call Hank back?', 'reception@northwind.example'],
  [true, 'Drawings', 'Attached are the drawings for the new bracket. We\'d need 500 by June.', 'eng@cust.example'],
  [true, 'RFQ 2026-051', 'RFQ 2026-051 attached. Due date for bids is March 20.', 'buyer@cust.example'],
  [true, 'Pricing', "What's your best price on 1,000 units?", 'buyer@cust.example'],
  [true, 'Re: Invoice 30021', 'Let me know if you can split this invoice into two, one per PO.\n\nOn Mon, Mar 9, 2026 at 9:00 AM Lena <l@n.example> wrote:\n> Invoice 30021 attached.', 'ap@cust.example'],
  ];
  for (const [want, subject, body, from] of cases) {
    it(`${subject}: ${want ? 'a task' : 'a signal only'}`, async () => {
      const r = await judged(mail(subject, body, { from: `X <${from}>` }));
      expect(r.notActionable === undefined, r.notActionable ?? r.categoryReason).toBe(want);
    });
  }
});

describe('own text', () => {
  it('cuts a reply at its quoted history, in the common clients’ forms', () => {
    expect(ownText('Re: x', 'New text\n\nOn Mon, Mar 9, 2026 at 2:10 PM Lena Fischer <\nlena@x.example> wrote:\n> old').text).toBe('New text');
    expect(ownText('RE: x', 'New text\n________________________________\nFrom: Lena\nSent: Monday\nTo: Sam\n\nold').text).toBe('New text');
    expect(ownText('AW: x', 'Neu\n\nVon: Lena\nGesendet: Montag\nAn: Sam\nBetreff: x\n\nalt').text).toBe('Neu');
    expect(ownText('x', 'New\n-----Original Message-----\nold')).toMatchObject({ text: 'New', reply: true, forwarded: false });
  });

  it('keeps a forward whole, without its quote markers', () => {
    expect(ownText('Fwd: PO', 'See below\n\n> PO 4500123 attached')).toMatchObject({ text: 'See below\n\nPO 4500123 attached', forwarded: true });
    expect(ownText('PO', 'Please enter\n---------- Forwarded message ---------\nPO 4500123')).toMatchObject({ forwarded: true });
  });
});
