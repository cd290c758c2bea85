import { describe, expect, it } from 'vitest';
import { normaliseSubject, patternSignature } from './signature.js';

describe('pattern signatures', () => {
  it('drop reply and forward prefixes, tags, numbers and ids', () => {
    expect(normaliseSubject('RE: FW: [EXT] PO# 4500123 for 200 units')).toBe('po for units');
    expect(normaliseSubject('AW: Angebot Q-98765 – $12,500')).toBe('angebot');
    expect(patternSignature('Order Processing', 'acme.com', 'Re: PO 4500987 for 50 units')).toBe(
      patternSignature('Order Processing', 'acme.com', 'PO# 4500123 for 200 units'),
    );
  });

  it('keeps sender domain and category apart', () => {
    expect(patternSignature('Invoicing', 'a.com', 'Invoice 1')).not.toBe(patternSignature('Invoicing', 'b.com', 'Invoice 2'));
    expect(patternSignature('General', null, '')).toBe('General|-|(no subject)');
  });
});
