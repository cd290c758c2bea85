import { describe, expect, it } from 'vitest';
import { splitMbox } from './mbox.js';

async function all(text: string, chunk = 7): Promise<string[]> {
  const buf = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) parts.push(buf.subarray(i, i + chunk));
  const out: string[] = [];
  for await (const m of splitMbox(parts)) out.push(m.toString());
  return out;
}

describe('splitMbox', () => {
  it('splits on From_ lines, drops the envelope line, and unescapes >From (mboxrd)', async () => {
    const box = [
      'From alice@example.com Mon Mar  2 09:00:00 2026',
      'Subject: one',
      '',
      '>From the start',
      '>>From deeper',
      '',
      'From bob@example.com Mon Mar  2 10:00:00 2026',
      'Subject: two',
      '',
      'body two',
      'From here on, an unescaped line inside a paragraph stays body text',
      '',
    ].join('\n');
    for (const chunk of [3, 7, 1000]) {
      const msgs = await all(box, chunk);
      expect(msgs).toEqual(['Subject: one\n\nFrom the start\n>From deeper', 'Subject: two\n\nbody two\nFrom here on, an unescaped line inside a paragraph stays body text']);
    }
  });

  it('keeps CRLF mailboxes and ignores text before the first separator', async () => {
    const msgs = await all('junk\r\n\r\nFrom x@y Tue\r\nSubject: a\r\n\r\nhi\r\n');
    expect(msgs).toEqual(['Subject: a\r\n\r\nhi']);
  });

  it('finds the same separators wherever the reads cut the stream', async () => {
    const box = 'junk\nFrom not-a-separator\n\r\nFrom a@x Mon\r\nSubject: a\r\n\r\nFrom after a blank line starts a message\n\nFrom b@x Tue\nbody\nFrom still b\n>From c\n\n\nFrom c@x Wed\nlast';
    const expected = ['Subject: a', '', 'body\nFrom still b\nFrom c', 'last'];
    for (let chunk = 1; chunk <= box.length; chunk++) expect(await all(box, chunk)).toEqual(expected);
  });
});
