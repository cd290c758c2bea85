/**
 * Mailbox readers. mbox (mboxo and mboxrd) separates messages by "From " lines at the start of a
 * line; a body line that itself began with "From " was escaped to ">From " (mboxo) or gets one more
 * ">" per level (mboxrd), so one ">" is removed from /^>+From / on the way out — correct for mboxrd
 * and the best reading of mboxo. Bytes stay bytes: charsets are the MIME parser's business.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const NL = 0x0a;
const FROM_ = Buffer.from('From ');

function unescapeFromLines(msg: Buffer): Buffer {
  // Fast path: most messages have no escaped line at all.
  if (msg.indexOf('>From ') === -1) return msg;
  const text = msg.toString('latin1').replace(/^>(>*From )/gm, '$1');
  return Buffer.from(text, 'latin1');
}

function trimEnvelope(msg: Buffer): Buffer {
  // Drop the "From " envelope line and the blank line mbox puts before the next separator.
  const eol = msg.indexOf(NL);
  let body = eol === -1 ? Buffer.alloc(0) : msg.subarray(eol + 1);
  let end = body.length;
  while (end > 0 && (body[end - 1] === NL || body[end - 1] === 0x0d)) end--;
  body = body.subarray(0, end);
  return unescapeFromLines(body);
}

/** Splits an mbox stream into raw messages, streaming (a mailbox may be gigabytes). */
export async function* splitMbox(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  let current: Buffer[] = [];
  let started = false;
  let currentBytes = 0;
  // A separator is a From_ line at the start or after a blank line: an unescaped "From " inside a
  // paragraph (sloppy mboxo writers) then stays body text.
  let prevBlank = true;
  const flush = function* () {
    if (started && currentBytes > 0) yield trimEnvelope(Buffer.concat(current));
    current = [];
    currentBytes = 0;
  };
  for await (const chunk of chunks) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(NL, pos);
      if (nl === -1) break;
      const line = buf.subarray(pos, nl + 1);
      if (prevBlank && line.length >= 5 && line.subarray(0, 5).equals(FROM_)) {
        yield* flush();
        started = true;
      }
      prevBlank = line.length === 1 || (line.length === 2 && line[0] === 0x0d);
      if (started) {
        current.push(line);
        currentBytes += line.length;
      }
      pos = nl + 1;
    }
    carry = Buffer.from(buf.subarray(pos));
  }
  if (carry.length) {
    if (prevBlank && carry.subarray(0, 5).equals(FROM_)) {
      yield* flush();
      started = true;
    }
    if (started) {
      current.push(carry);
      currentBytes += carry.length;
    }
  }
  yield* flush();
}

export function looksLikeMbox(head: Buffer): boolean {
  return head.subarray(0, 5).equals(FROM_);
}

const MAIL_EXT = new Set(['.eml', '.mbox', '.mbx', '.mbs', '.msg822']);

/** Files a folder walk ingests: mail extensions, Maildir cur/new entries, and extensionless files that look like mail. */
async function isMailFile(path: string, inMaildir: boolean): Promise<boolean> {
  const ext = extname(path).toLowerCase();
  if (MAIL_EXT.has(ext)) return true;
  if (inMaildir) return true;
  if (ext !== '') return false;
  const fh = await readFile(path).catch(() => undefined);
  if (!fh) return false;
  const head = fh.subarray(0, 200).toString('latin1');
  return looksLikeMbox(fh) || /^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]/.test(head);
}

export async function listMailFiles(path: string): Promise<string[]> {
  const st = await stat(path);
  if (st.isFile()) return [path];
  const out: string[] = [];
  const walk = async (dir: string, inMaildir: boolean) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full, e.name === 'cur' || e.name === 'new');
      else if (e.isFile() && (await isMailFile(full, inMaildir))) out.push(full);
    }
  };
  await walk(path, false);
  return out;
}

/** Counts the bytes of a stream as they go by (for progress by bytes read). */
async function* counted(chunks: AsyncIterable<Buffer>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/** Raw messages of a file: an mbox is split, anything else is one message. `onBytes` hears each piece read. */
export async function* readMailFile(path: string, onBytes: (n: number) => void = () => {}): AsyncGenerator<Buffer> {
  const head = await new Promise<Buffer>((resolve, reject) => {
    const s = createReadStream(path, { start: 0, end: 4 });
    const parts: Buffer[] = [];
    s.on('data', (b) => parts.push(b as Buffer));
    s.on('end', () => resolve(Buffer.concat(parts)));
    s.on('error', reject);
  });
  if (looksLikeMbox(head)) {
    yield* splitMbox(counted(createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>, onBytes));
  } else {
    const raw = await readFile(path);
    onBytes(raw.length);
    yield raw;
  }
}
