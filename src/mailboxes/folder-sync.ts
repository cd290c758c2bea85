/**
 * One folder's sync, exactly once per message:
 *
 * 1. The folder's checkpoint says which UIDs are ingested (under which UIDVALIDITY). A changed
 *    UIDVALIDITY (the server renumbered the folder) starts it over at UID 0: every message is read
 *    again and ingestion's dedupe key (Message-ID, or a content hash without one) recognises those
 *    already ingested, so nothing is doubled.
 * 2. New messages (UID above the checkpoint) are listed with their sizes, then fetched and ingested
 *    a page at a time through the ingestion pipeline; each chunk's transaction also advances the
 *    checkpoint to the chunk's last UID (guarded by the lease), so a crash at any point leaves the
 *    checkpoint exactly at what was committed. A message over the size limit is not downloaded: it
 *    becomes a failed item with its reason, and the checkpoint moves past it.
 * 3. A batch of this folder still `running` when a watcher takes the mailbox was left by a holder
 *    that died mid-batch (the lease says no one else syncs it now): closeAbandonedBatches closes it
 *    as failed with the counts of its committed chunks, whose messages the checkpoint already
 *    covers, rather than let it show as running forever.
 * 4. IMAP side effects (flag as seen, move) run only after the commit, for the UIDs between the
 *    side-effect mark and the checkpoint; both operations are idempotent, so those a crash left
 *    undone are simply done again on the next sync.
 */
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import { failAbandonedBatches } from '../ingest/batch.repository.js';
import { ingestMessages } from '../ingest/ingest.service.js';
import type { IngestInput } from '../ingest/parse.worker.js';
import type { ParsePool } from '../ingest/parse-pool.js';
import type { Clock } from '../shared/clock.js';
import { advanceCheckpoint, getCheckpoint, markEffectsDone, resetCheckpoint, setPending, type Checkpoint, type MailboxRow } from './mailboxes.repository.js';

/** Messages per ingestion batch: bounds memory and makes a first sync of a large folder resumable page by page. */
const PAGE = 500;
/** Below this many messages a page is parsed on this thread: a worker hop costs more than it saves. */
const INLINE_BELOW = 32;

export interface FolderSyncDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
  /** Parses small pages inline and large ones on worker threads. */
  pools: { inline: ParsePool; workers: ParsePool };
}

export interface FolderSyncTarget {
  client: ImapFlow;
  mailbox: MailboxRow;
  /** The lease holder: every checkpoint write is guarded by it. */
  owner: string;
  maxMessageBytes: number;
}

/** Syncs one folder; returns how many messages it took in. */
export async function syncFolder(deps: FolderSyncDeps, t: FolderSyncTarget, folder: string): Promise<number> {
  const lock = await t.client.getMailboxLock(folder);
  try {
    const mb = t.client.mailbox;
    if (!mb) throw new Error(`folder ${folder} could not be opened`);
    const uidvalidity = Number(mb.uidValidity);
    const now = () => deps.clock.now().toISOString();
    let cp = await getCheckpoint(deps.database.db, t.mailbox.org_id, t.mailbox.mailbox_id, folder);
    if (!cp || cp.uidvalidity !== uidvalidity) cp = await resetCheckpoint(deps.database.db, t.mailbox.org_id, t.mailbox.mailbox_id, folder, uidvalidity, now());
    await applySideEffects(deps, t, folder, uidvalidity, cp);
    // Not uidNext: it is read at SELECT and stays stale while the folder stays selected (IDLE).
    const pending = (n: number) => setPending(deps.database.db, t.mailbox.org_id, t.mailbox.mailbox_id, folder, uidvalidity, n, now());
    if (mb.exists === 0) {
      await pending(0);
      return 0;
    }
    // `n:*` always answers the folder's last message, even when its UID is below n.
    const listed = await t.client.fetchAll(`${cp.last_uid + 1}:*`, { uid: true, size: true }, { uid: true });
    const fresh = listed.filter((x) => x.uid > cp.last_uid).sort((a, b) => a.uid - b.uid);
    // What the folder's progress counts down from; each page's chunks take their share off in
    // their own transaction, so an interrupted first sync shows (and resumes from) where it stopped.
    await pending(fresh.length);
    let taken = 0;
    const sent = isSentFolder(folder, mb.specialUse);
    for (let i = 0; i < fresh.length; i += PAGE) {
      taken += await ingestPage(deps, t, folder, uidvalidity, fresh.slice(i, i + PAGE), sent);
      // imapflow ends a fetch quietly when the connection closes (a stop, a server hanging up):
      // the page's missing messages are not expunged ones, and the folder is not up to date.
      if (!t.client.usable) throw new Error('the IMAP connection closed during the sync');
      const after = (await getCheckpoint(deps.database.db, t.mailbox.org_id, t.mailbox.mailbox_id, folder))!;
      await applySideEffects(deps, t, folder, uidvalidity, after);
    }
    // Messages expunged between the listing and their fetch were never counted down.
    if (fresh.length > 0) await pending(0);
    return taken;
  } finally {
    lock.release();
  }
}

/** Localised names of the Sent folder, for servers that do not flag it `\\Sent` (SPECIAL-USE). */
const SENT_NAMES = /^(sent|sent items|sent messages|sent mail|gesendet|gesendete elemente|gesendete objekte|envoy[ée]s|[ée]l[ée]ments envoy[ée]s|enviados|elementos enviados|inviata|posta inviata|verzonden|verzonden items|skickat|skickade objekt)$/i;

/** A watched Sent folder holds the org's own mail: every message of it is outbound. */
export function isSentFolder(folder: string, specialUse: string | undefined): boolean {
  if (specialUse) return specialUse === '\\Sent';
  const leaf = folder.split(/[/.]/).at(-1) ?? folder;
  return SENT_NAMES.test(leaf.trim());
}

/** How a folder's ingestion batches are named (the batch list's source_name). */
function batchSourceName(m: MailboxRow, folder: string): string {
  return `${m.name}/${folder}`;
}

/**
 * Closes the folder's batches a holder that died mid-batch left `running` (3. above). Called once
 * per lease taken, before the first sync: while the lease is held no one else writes them.
 */
export async function closeAbandonedBatches(deps: Pick<FolderSyncDeps, 'database' | 'clock'>, m: MailboxRow, folder: string): Promise<number> {
  return failAbandonedBatches(deps.database.db, {
    orgId: m.org_id,
    source: 'imap',
    sourceName: batchSourceName(m, folder),
    error: 'the worker syncing this folder stopped before it finished; the messages it committed are kept and the next sync went on from them',
    now: deps.clock.now().toISOString(),
  });
}

/** One page of new messages → one ingestion batch whose chunks carry the checkpoint along. */
async function ingestPage(deps: FolderSyncDeps, t: FolderSyncTarget, folder: string, uidvalidity: number, page: FetchMessageObject[], sent: boolean): Promise<number> {
  const m = t.mailbox;
  // The UID of each message handed to ingestion, by its position there (seq - 1).
  const uidBySeq: number[] = [];
  const noEffects = m.after_processing === 'none';

  async function* inputs(): AsyncGenerator<IngestInput> {
    const wanted = page.filter((p) => (p.size ?? 0) <= t.maxMessageBytes).map((p) => p.uid);
    const fetched = wanted.length ? t.client.fetch(wanted, { uid: true, source: true }, { uid: true })[Symbol.asyncIterator]() : undefined;
    let next: IteratorResult<FetchMessageObject> = fetched ? await fetched.next() : { done: true, value: undefined };
    for (const p of page) {
      if ((p.size ?? 0) > t.maxMessageBytes) {
        uidBySeq.push(p.uid);
        yield { refused: `Message is ${p.size} bytes; the limit is ${t.maxMessageBytes} (MAILBOX_MAX_MESSAGE_SIZE); it was not downloaded` };
        continue;
      }
      while (!next.done && next.value.uid < p.uid) next = await fetched!.next();
      // Expunged between the listing and the fetch: nothing to ingest, and nothing lost.
      if (next.done || next.value.uid !== p.uid || !next.value.source) continue;
      uidBySeq.push(p.uid);
      yield next.value.source;
      next = await fetched!.next();
    }
    while (!next.done) next = await fetched!.next();
  }

  const result = await ingestMessages(
    { database: deps.database, clock: deps.clock, commitFeed: deps.commitFeed, pool: page.length < INLINE_BELOW ? deps.pools.inline : deps.pools.workers },
    {
      orgId: m.org_id,
      actor: `mailbox:${m.name}`.slice(0, 200),
      source: 'imap',
      sourceName: batchSourceName(m, folder),
      // Mail from the mailbox's own domains, and everything in its Sent folder, is the org's own.
      ownDomains: JSON.parse(m.own_domains_json) as string[],
      outbound: sent,
      inChunkTransaction: (trx, w) =>
        advanceCheckpoint(
          trx,
          { orgId: m.org_id, mailboxId: m.mailbox_id, owner: t.owner, folder, uidvalidity },
          uidBySeq[w.lastSeq - 1]!,
          w.lastSeq - w.firstSeq + 1,
          { effectsToo: noEffects, now: deps.clock.now().toISOString() },
        ),
    },
    inputs(),
    0,
  );
  return result.batch.read;
}

/** Flags or moves the messages ingested since the side-effect mark, then moves the mark. */
async function applySideEffects(deps: FolderSyncDeps, t: FolderSyncTarget, folder: string, uidvalidity: number, cp: Checkpoint): Promise<void> {
  if (cp.effects_uid >= cp.last_uid) return;
  const range = `${cp.effects_uid + 1}:${cp.last_uid}`;
  const action = t.mailbox.after_processing;
  try {
    if (action === 'seen') await t.client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
    else if (action.startsWith('move:')) await t.client.messageMove(range, action.slice('move:'.length), { uid: true });
  } catch (err) {
    throw new Error(`could not ${action === 'seen' ? 'flag processed mail as seen' : `move processed mail to ${action.slice(5)}`} in ${folder}: ${(err as Error).message}`);
  }
  await markEffectsDone(deps.database.db, t.mailbox.org_id, t.mailbox.mailbox_id, folder, uidvalidity, cp.last_uid, deps.clock.now().toISOString());
}
