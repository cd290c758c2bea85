import { describe, expect, it } from 'vitest';
import { csvChunks, csvField, csvLine } from './csv.js';

describe('CSV', () => {
  it('quotes only fields that need it and doubles quotes inside them', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere'])).toBe('plain,"a,b","say ""hi""","two\nlines","cr\rhere"\r\n');
  });

  it('writes null and undefined as empty, numbers and booleans as they are', () => {
    expect(csvLine([null, undefined, 0, -12.5, true, false, Number.NaN])).toBe(',,0,-12.5,true,false,\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, never numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const s of ['+1', '-1', '@SUM(A1)', '\tx']) expect(csvField(s)).toBe(`'${s}`);
    expect(csvField(-1)).toBe('-1');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('streams a header then one chunk per page', async () => {
    async function* pages() {
      yield [{ id: 1, name: 'a' }];
      yield [];
      yield [{ id: 2, name: 'b,c' }];
    }
    const chunks: string[] = [];
    for await (const c of csvChunks([{ header: 'id', value: (r: { id: number; name: string }) => r.id }, { header: 'name', value: (r) => r.name }], pages())) chunks.push(c);
    expect(chunks).toEqual(['id,name\r\n', '1,a\r\n', '2,"b,c"\r\n']);
  });
});
