import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { malformedFixtures } from '../../test/fixtures/email-malformed/fixtures.js';
import { analyseMessage, type AnalysedMessage } from './analyse.js';
import { DEFAULT_INGEST_CONFIG } from './config.js';
import { viewOf } from './mail-view.js';
import { runJob } from './parse.worker.js';

const ctx = { config: DEFAULT_INGEST_CONFIG, currency: 'USD', highValueThreshold: 50_000, selfNames: ['Northwind Fabrication Ltd'] };
const REAL = join(import.meta.dirname, '../../test/fixtures/email-real');

describe('analysis of malformed MIME', () => {
  for (const f of malformedFixtures()) {
    it(`${f.name}: ${f.expect.failed ? 'is a failed item with its reason' : 'keeps its readable text'}`, async () => {
      const r = await analyseMessage(f.raw, 7, ctx);
      if (f.expect.failed) {
        expect(r).toEqual({ ok: false, seq: 7, reason: f.expect.failed, messageId: expect.any(String), subject: null });
        return;
      }
      expect(r.ok, r.ok ? '' : r.reason).toBe(true);
      const m = r as AnalysedMessage;
      if (f.expect.subject) expect(m.subject).toBe(f.expect.subject);
      if (f.expect.sender) expect(m.fromAddress).toBe(f.expect.sender);
      for (const phrase of f.expect.text ?? []) expect(m.description).toContain(phrase);
      if (f.expect.attachments) expect(m.attachments).toMatchObject(f.expect.attachments);
      for (const a of m.attachments) expect(typeof a.content_type).toBe('string');
    });
  }

  it('the message of the issue is a task with its text, not "Analysis failed" (through the worker job as well)', async () => {
    const raw = readFileSync(join(REAL, 'flanker-fixtures/flanker-spam-broken-ctype.eml'));
    const [r] = await runJob({ id: 1, ctx, messages: [{ seq: 1, raw: new Uint8Array(raw) }] });
    expect(r).toMatchObject({ ok: true, subject: 'its me A', attachments: [{ filename: 'facejj.jpg', content_type: 'application/octet-stream' }] });
    expect((r as AnalysedMessage).description).toContain('Hello Dear, How are you?');
  });

  it('never throws on the 56 real-world fixtures: each is analysed, or failed with a reason', async () => {
    for (const dir of ['flanker-fixtures', 'mail-gem-fixtures']) {
      for (const name of readdirSync(join(REAL, dir)).filter((n) => n.endsWith('.eml'))) {
        const r = await analyseMessage(readFileSync(join(REAL, dir, name)), 1, ctx);
        if (!r.ok) expect(r.reason, name).toMatch(/^(No readable text|Not an email message|MIME parse error)/);
        else expect(r.subject || r.description, name).not.toBe('');
      }
    }
  });
});

describe('the narrowed view of mailparser output', () => {
  // What broken mail has made mailparser answer, whatever its types promise.
  const hostile = {
    headers: new Map<string, unknown>([
      ['content-type', { value: false, params: null }],
      ['importance', ['high', 'low']],
      ['date', new Date('nope')],
      ['precedence', Object.create(null)],
    ]),
    headerLines: [],
    attachments: [{ contentType: false, filename: 42, size: Number.NaN }, null, { contentType: ' Image/PNG ', filename: 'a\u0000.png', size: 3 }],
    text: { not: 'a string' },
    html: false,
    subject: ['two', 'subjects'],
    from: { value: [{ address: 7, name: null }] },
    date: 'yesterday',
    messageId: 12,
  } as unknown as ParsedMail;

  it('turns every value of the wrong type into absent or its default, and never throws', () => {
    const v = viewOf(hostile, 'From: a@b.example\r\n\r\n');
    expect(v).toMatchObject({ messageId: null, subject: '', from: { address: null, name: null }, dateMs: null, text: '' });
    expect(v.attachments).toEqual([
      { filename: null, content_type: 'application/octet-stream', size: 0 },
      { filename: null, content_type: 'application/octet-stream', size: 0 },
      { filename: 'a.png', content_type: 'image/png', size: 3 },
    ]);
    expect(v.header('content-type')).toBe('false');
    expect(v.header('importance')).toBe('high,low');
    expect(v.header('precedence')).toBeUndefined();
    expect(v.header('missing')).toBeUndefined();
    expect(v.hasHeader('date')).toBe(true);
  });

  it('reads the body of a multipart whose boundary is missing, decoding windows-1252 when it is not UTF-8', () => {
    const raw = Buffer.concat([Buffer.from('Content-Type: multipart/mixed\r\n\r\nCaf'), Buffer.from([0xe9]), Buffer.from(' order SO-1\r\n')]);
    const parsed = { headers: new Map([['content-type', { value: 'multipart/mixed', params: {} }]]), attachments: [] } as unknown as ParsedMail;
    expect(viewOf(parsed, raw).text).toBe('Café order SO-1');
    // A boundary that is present means the parts were read: an empty message stays empty.
    const withParts = { headers: new Map([['content-type', { value: 'multipart/mixed', params: { boundary: 'b' } }]]), attachments: [] } as unknown as ParsedMail;
    expect(viewOf(withParts, 'Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n--b--\r\n').text).toBe('');
  });
});
