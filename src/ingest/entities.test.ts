import { describe, expect, it } from 'vitest';
import { isAcknowledgement } from './categorise.js';
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

describe('acknowledgements', () => {
  it('a thank-you reply stays an acknowledgement though its quoted history names an order', () => {
    const entities = extractEntities('Re: Your order 55123 has shipped', 'Received everything, thanks!\n\n> your order #55123 left our dock', opts);
    expect(isAcknowledgement('Received everything, thanks!', entities)).toBe(true);
    expect(isAcknowledgement('Thanks, order 55123 received.', entities)).toBe(false);
  });
});
