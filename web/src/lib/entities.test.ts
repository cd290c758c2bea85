import { describe, expect, it } from 'vitest';
import { entityRows } from './entities.js';
import { bytes } from './format.js';

const task = (entities: Record<string, unknown>, own: { customer_name?: string; po_number?: string; quote_number?: string } = {}) => ({
  entities,
  customer_name: own.customer_name ?? null,
  po_number: own.po_number ?? null,
  quote_number: own.quote_number ?? null,
});

describe('entityRows', () => {
  it('labels each kind once, merges the task columns into their kind and leaves empty kinds out', () => {
    const rows = entityRows(
      task(
        { po_numbers: ['4500123', '4500124'], quote_numbers: [], customers: ['Globex Manufacturing LLC'], tracking_numbers: [], dates: ['2026-11-13'], phones: [] },
        { customer_name: 'Globex Manufacturing LLC', po_number: '4500123' },
      ),
    );
    expect(rows).toEqual([
      { kind: 'customers', label: 'Customer', values: ['Globex Manufacturing LLC'] },
      { kind: 'po_numbers', label: 'PO numbers', values: ['4500123', '4500124'] },
      { kind: 'dates', label: 'Date', values: ['13 Nov 2026'] },
    ]);
  });

  it('formats amounts in their currency and attachment sizes in KB or MB', () => {
    const rows = entityRows(
      task({
        amounts: [
          { value: 4119.45, currency: 'USD', text: '$4,119.45' },
          { value: 1200, currency: 'EUR', text: '€1,200' },
        ],
        attachments: [
          { filename: 'PO-4500123.pdf', content_type: 'application/pdf', size: 48_213 },
          { filename: null, content_type: 'image/png', size: 3_500_000 },
        ],
      }),
    );
    expect(rows).toEqual([
      { kind: 'amounts', label: 'Amounts', values: ['$4,119.45', '€1,200'] },
      { kind: 'attachments', label: 'Attachments', values: ['PO-4500123.pdf (application/pdf, 47 KB)', 'unnamed file (image/png, 3.3 MB)'] },
    ]);
  });

  it('gives keys of the API a label from the key, and one that reads like a known kind joins it', () => {
    const rows = entityRows(task({ delivery_terms: 'FOB Hamburg', customer: 'Initech Corp.', notes: '' }, { customer_name: 'Initech' }));
    expect(rows).toEqual([
      { kind: 'customers', label: 'Customers', values: ['Initech', 'Initech Corp.'] },
      { kind: 'delivery_terms', label: 'Delivery terms', values: ['FOB Hamburg'] },
    ]);
  });

  it('has nothing to show for a task without entities', () => {
    expect(entityRows(task({}))).toEqual([]);
  });
});

describe('bytes', () => {
  it('reads like a file manager', () => {
    expect([bytes(1), bytes(69), bytes(1024), bytes(48_213), bytes(3_500_000), bytes(5 * 1024 ** 3)]).toEqual(['1 byte', '69 bytes', '1.0 KB', '47 KB', '3.3 MB', '5.0 GB']);
  });
});
