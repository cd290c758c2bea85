import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities.js';

const opts = { referenceYear: 2026 };

describe('entity extraction beyond the labelled corpus', () => {
  it('reads every id of a list after a plural label', () => {
    const e = extractEntities('Q2 purchase orders', 'Attached are POs 4510021, 4510022 and 4510023 for Q2.', opts);
    expect(e.po_numbers).toEqual(['4510021', '4510022', '4510023']);
    expect(extractEntities('', 'Please pay invoices 30021 and 30044.', opts).invoice_numbers).toEqual(['30021', '30044']);
  });

  it('does not take a quantity after a listed id for another id', () => {
    expect(extractEntities('', 'PO 4500123 and 12 more pallets', opts).po_numbers).toEqual(['4500123']);
  });

  it('reads Spanish, German and French dates written day first', () => {
    const e = extractEntities('', 'entrega antes del 20 de abril de 2026; Liefertermin 15. Mai 2026; livraison le 3 avril', opts);
    expect(e.dates).toEqual(['2026-04-20', '2026-05-15', '2026-04-03']);
  });

  it('reads Mexican company suffixes', () => {
    expect(extractEntities('', 'Compras, Industrias Rivera S.A. de C.V.', opts).customers).toEqual(['Industrias Rivera S.A. de C.V']);
  });
});

describe('document numbers as written on real mail', () => {
  const ids = (text: string, kind: 'invoice_numbers' | 'po_numbers' | 'quote_numbers' | 'tracking_numbers') => extractEntities('', text, opts)[kind];

  it('reads invoice numbers in their common written forms, keeping each as written', () => {
    expect(ids('Attached is Inv. No. 88123 for the brackets.', 'invoice_numbers')).toEqual(['88123']);
    expect(ids('Invoice #: 1043 / Invoice number 2026-00871 / invoice no 4471', 'invoice_numbers')).toEqual(['1043', '2026-00871', '4471']);
    expect(ids('anbei unsere Rechnung Nr. 2026-4471; Rechnungsnummer: 2026-118', 'invoice_numbers')).toEqual(['2026-4471', '2026-118']);
    expect(ids('la factura n.º FV-2026-0193 y la factura número 2026/15', 'invoice_numbers')).toEqual(['FV-2026-0193', '2026/15']);
    expect(ids('la facture n° F2026-0458 reste impayée', 'invoice_numbers')).toEqual(['F2026-0458']);
    expect(ids('Please pay inv-00123 and invoices 30021 (due 02/20/2026) and 30044.', 'invoice_numbers')).toEqual(['inv-00123', '30021', '30044']);
  });

  it('never takes a date, an amount or a word after "invoice" for its number', () => {
    expect(ids('Invoice for PO 4500123, invoice dated 03/01/2026, invoice total $4,500.00, invoice 2 of 3', 'invoice_numbers')).toEqual([]);
  });

  it('keeps a PO prefix glued to the number, and drops the label written apart from it', () => {
    expect(ids('Our PO-4500888 and PO4500990, plus Purchase Order: PO-2026-0412', 'po_numbers')).toEqual(['PO-4500888', 'PO4500990', 'PO-2026-0412']);
    expect(ids('PO #4500123, P.O. No. 77120-B, our PO is 4500124, PO Number 4500125', 'po_numbers')).toEqual(['4500123', '77120-B', '4500124', '4500125']);
    expect(ids('P.O. Box 4411, Chicago; PO 12', 'po_numbers')).toEqual([]);
  });

  it('does not read a quote prefix inside a longer id', () => {
    expect(ids('Your Quote No. 2026-Q-118 expires soon', 'quote_numbers')).toEqual(['2026-Q-118']);
  });

  it('reads the ids under a document column of a table, as HTML tables render and as pipes', () => {
    const rendered = 'INVOICE NUMBER   INVOICE DATE   AMOUNT PAID\n30021            01/20/2026     $8,450.00\n30044            01/28/2026     $5,210.00\n\nTotal 30045';
    expect(ids(rendered, 'invoice_numbers')).toEqual(['30021', '30044']);
    const piped = 'PO | Item | Qty\n77120-B | Anchor bracket AB-12 | 200\n77121-B | Cleat | 500';
    expect(ids(piped, 'po_numbers')).toEqual(['77120-B', '77121-B']);
  });

  it('reads LTL freight PRO numbers as tracking numbers', () => {
    expect(ids('Carrier: Estes Express Lines\nPRO number: 2155-887120', 'tracking_numbers')).toEqual(['2155-887120']);
  });
});

describe('dates written day first', () => {
  it('reads 10/04/2026 as the 10th of April when the mail writes dates day first', () => {
    expect(extractEntities('', 'Vencimiento: 10/04/2026', { referenceYear: 2026, dayFirst: true }).dates).toEqual(['2026-04-10']);
    expect(extractEntities('', 'Due 10/04/2026', opts).dates).toEqual(['2026-10-04']);
    // A date that can only be month first stays month first.
    expect(extractEntities('', 'Due 03/25/2026', { referenceYear: 2026, dayFirst: true }).dates).toEqual(['2026-03-25']);
  });
});
