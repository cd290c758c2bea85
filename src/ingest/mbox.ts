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

const SEPARATOR = Buffer.from('\nFrom ');

/** Whether the line that ends at `nl` (a newline in `buf`, whose start is a line start) is blank. */
function endsBlankLine(buf: Buffer, nl: number): boolean {
  if (nl === 0 || buf[nl - 1] === NL) return true;
  return buf[nl - 1] === 0x0d && (nl === 1 || buf[nl - 2] === NL);
}

/**
 * Splits an mbox stream into raw messages, streaming (a mailbox may be gigabytes). A separator is a
 * From_ line at the start or after a blank line: an unescaped "From " inside a paragraph (sloppy
 * mboxo writers) then stays body text. Separators are found by searching for "\nFrom " rather than
 * line by line: a subarray per line and a concat per message cost the writer thread ~0.5 s per
 * 10,000 messages, next to the parse workers it feeds.
 */
export async function* splitMbox(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<Buffer> {
  // buf always starts at a line start; headBlank: the line before it was blank (or it starts the stream).
  let buf: Buffer = Buffer.alloc(0);
  let headBlank = true;
  let headChecked = false;
  // Where the current message's From_ line starts in buf; -1 before the first separator.
  let msgStart = -1;
  // "\nFrom " is searched for from here on (earlier occurrences are settled).
  let searchFrom = 0;
  // A copy of its own (native; Buffer.from(buffer) copies byte by byte): buf's chunk is read on.
  const message = (end?: number) => {
    const m = trimEnvelope(buf.subarray(msgStart, end));
    const own = Buffer.allocUnsafe(m.length);
    m.copy(own);
    return own;
  };
  for await (const chunk of chunks) {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    if (!headChecked && buf.length >= FROM_.length) {
      headChecked = true;
      if (headBlank && buf.subarray(0, FROM_.length).equals(FROM_)) msgStart = 0;
    }
    for (let nl = buf.indexOf(SEPARATOR, searchFrom); nl !== -1; nl = buf.indexOf(SEPARATOR, searchFrom)) {
      searchFrom = nl + 1;
      if (!endsBlankLine(buf, nl)) continue;
      if (msgStart >= 0) yield message(nl + 1);
      msgStart = nl + 1;
    }
    // A separator may straddle the next chunk: its newline is among the last few bytes.
    searchFrom = Math.max(searchFrom, buf.length - (SEPARATOR.length - 1));
    if (msgStart > 0) {
      buf = buf.subarray(msgStart);
      searchFrom -= msgStart;
      msgStart = 0;
    } else if (msgStart < 0) {
      // Before the first separator nothing is kept but the last (unfinished) line.
      const cut = buf.lastIndexOf(NL) + 1;
      if (cut > 0) {
        headBlank = endsBlankLine(buf, cut - 1);
        headChecked = false;
        buf = buf.subarray(cut);
        searchFrom = 0;
        if (buf.length >= FROM_.length) {
          headChecked = true;
          if (headBlank && buf.subarray(0, FROM_.length).equals(FROM_)) msgStart = 0;
        }
      }
    }
  }
  if (msgStart >= 0 && buf.length > msgStart) yield message();
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
