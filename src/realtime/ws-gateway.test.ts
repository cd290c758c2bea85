import { describe, expect, it } from 'vitest';
import { textFrame } from './ws-frames.js';

describe('prepared WebSocket frames', () => {
  it('are final text frames with 7-bit, 16-bit and 64-bit lengths, readable by ws', async () => {
    // ws's own frame parser (untyped in @types/ws) reads what real clients will read.
    const { Receiver } = (await import('ws')) as unknown as {
      Receiver: new (o: { isServer: boolean }) => import('node:stream').Writable & { on(ev: string, fn: (...a: never[]) => void): void };
    };
    for (const n of [0, 125, 126, 65_535, 65_536, 70_000]) {
      const text = 'é'.repeat(Math.floor(n / 2)) + (n % 2 ? 'a' : '');
      const frame = textFrame(Buffer.from(text));
      expect(frame[0]).toBe(0x81);
      const got = await new Promise<string>((resolve, reject) => {
        const r = new Receiver({ isServer: false });
        r.on('message', (data: Buffer, isBinary: boolean) => (isBinary ? reject(new Error('binary')) : resolve(data.toString())));
        r.on('error', reject);
        r.write(frame);
      });
      expect(got).toBe(text);
    }
  });
});
