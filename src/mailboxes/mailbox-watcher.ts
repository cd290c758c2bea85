/**
 * One mailbox's connection, held by the worker that holds its lease: connect, sync every watched
 * folder, then wait in IMAP IDLE on the first folder until the server announces new mail (or the
 * poll interval passes, which also covers the other folders and servers without IDLE), and again.
 * A failure shows as the mailbox's `error` state with its reason and a `mailbox.error` event, and
 * the watcher reconnects with backoff (1 s doubling up to MAILBOX_RECONNECT_MAX); the first
 * successful sync after it is `mailbox.recovered`.
 */
import type { ImapFlow } from 'imapflow';
import type { MailboxState } from '../db/types.js';
import { transact } from '../db/transact.js';
import { appendEvent } from '../outbox/work-events.repository.js';
import { isUnavailable } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { SecretKeyRing } from '../shared/secret-box.js';
import { closeAbandonedBatches, syncFolder, type FolderSyncDeps } from './folder-sync.js';
import { closeSession, describeImapError, openSession } from './imap-session.js';
import { LeaseLost, setMailboxState, type MailboxRow } from './mailboxes.repository.js';

export interface WatcherDeps extends FolderSyncDeps {
  logger: Logger;
  secrets: SecretKeyRing;
}

export interface WatcherSettings {
  owner: string;
  pollIntervalMs: number;
  connectTimeoutMs: number;
  reconnectMaxMs: number;
  maxMessageBytes: number;
  allowPrivateNetworks: boolean;
}

const FIRST_BACKOFF_MS = 1000;

export class MailboxWatcher {
  private stopped = false;
  private wake: (() => void) | undefined;
  private client: ImapFlow | undefined;
  private running: Promise<void> | undefined;
  /**
   * While failing, the state stays `error` (with its reason) through the reconnection attempts,
   * rather than flickering through connecting/syncing, until a sync succeeds.
   */
  private inError: boolean;
  /** The server announced mail since the last sync began. */
  private newMail = false;
  /** Batches a previous holder left running are closed once per watcher (that is, per lease taken). */
  private abandonedClosed = false;

  constructor(
    private readonly deps: WatcherDeps,
    readonly mailbox: MailboxRow,
    private readonly s: WatcherSettings,
  ) {
    this.inError = mailbox.state === 'error';
  }

  get configVersion(): number {
    return this.mailbox.config_version;
  }

  /** True once the loop ended on its own (lease lost): the service starts a new watcher if it holds the mailbox again. */
  finished = false;

  start(): void {
    this.running ??= this.loop().finally(() => (this.finished = true));
  }

  /** Stops and waits: a sync in flight ends at its next IMAP command (the connection is closed). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    if (this.client) this.client.close();
    await this.running;
  }

  private get log() {
    return this.deps.logger.child({ mailbox_id: this.mailbox.mailbox_id, org_id: this.mailbox.org_id });
  }

  private async loop(): Promise<void> {
    let backoff = FIRST_BACKOFF_MS;
    while (!this.stopped) {
      try {
        if (!this.inError) await this.setState('connecting');
        if (!this.abandonedClosed) {
          for (const folder of JSON.parse(this.mailbox.folders_json) as string[]) {
            const closed = await closeAbandonedBatches(this.deps, this.mailbox, folder);
            if (closed > 0) this.log.warn({ folder, batches: closed }, 'mailbox: closed batches a previous holder left running');
          }
          this.abandonedClosed = true;
        }
        this.client = await openSession(this.mailbox, this.deps, {
          connectTimeoutMs: this.s.connectTimeoutMs,
          allowPrivateNetworks: this.s.allowPrivateNetworks,
        });
        this.client.on('close', () => this.wake?.());
        // New mail announced while a sync runs (not idling) must not wait for the poll interval.
        this.client.on('exists', () => {
          this.newMail = true;
          this.wake?.();
        });
        if (!this.inError) await this.setState('syncing');
        while (!this.stopped) {
          await this.syncAll();
          // stop() during the sync: what was taken is committed, but the folders are not up to date.
          if (this.stopped) break;
          await this.setState('watching', { lastError: null, lastSyncAt: this.deps.clock.now().toISOString() });
          this.inError = false;
          backoff = FIRST_BACKOFF_MS;
          await this.waitForMail();
        }
      } catch (err) {
        if (this.stopped || err instanceof LeaseLost) break;
        await this.fail(err);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, this.s.reconnectMaxMs);
      } finally {
        const c = this.client;
        this.client = undefined;
        if (c) await closeSession(c);
      }
    }
  }

  private async syncAll(): Promise<void> {
    this.newMail = false;
    const folders = JSON.parse(this.mailbox.folders_json) as string[];
    for (const folder of folders) {
      if (this.stopped) return;
      const taken = await syncFolder(this.deps, { client: this.client!, mailbox: this.mailbox, owner: this.s.owner, maxMessageBytes: this.s.maxMessageBytes }, folder);
      if (taken > 0) this.log.info({ folder, messages: taken }, 'mailbox: ingested new mail');
    }
  }

  /**
   * IDLE on the first folder until the server announces a change, the poll interval passes, the
   * connection drops (the next command then fails and the loop reconnects) or stop() is called.
   */
  private async waitForMail(): Promise<void> {
    const client = this.client!;
    const folder = (JSON.parse(this.mailbox.folders_json) as string[])[0]!;
    // Not re-selected when the sync left it selected: a SELECT reports mail that arrived since the
    // sync as the folder's size, not as new ('exists' is not emitted), and IDLE would then sleep on
    // it until the poll. Left selected, the start of IDLE reports it as EXISTS, which wakes us.
    const selected = client.mailbox ? client.mailbox.path : undefined;
    if (selected !== folder) await client.mailboxOpen(folder);
    if (this.newMail || this.stopped) return;
    let timer: NodeJS.Timeout | undefined;
    const woken = new Promise<void>((resolve) => {
      this.wake = resolve;
      timer = setTimeout(resolve, this.s.pollIntervalMs);
    });
    // idle() resolves when IDLE ends; the next command (the sync) ends it.
    void client.idle().catch(() => this.wake?.());
    await woken;
    clearTimeout(timer);
    this.wake = undefined;
    if (!client.usable && !this.stopped) throw new Error('the server closed the connection');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async fail(err: unknown): Promise<void> {
    const message = isUnavailable(err) ? 'the database is unavailable' : describeImapError(err, this.mailbox, this.s.connectTimeoutMs).message;
    this.log.warn({ err: message }, 'mailbox: sync failed; reconnecting with backoff');
    try {
      await this.setState('error', { lastError: message.slice(0, 1000) });
      this.inError = true;
    } catch (e) {
      if (e instanceof LeaseLost) this.stopped = true;
      // The database itself may be what failed: the next attempt tries again.
    }
  }

  /**
   * Moves the state (only while this worker holds the lease). Entering `error` from another state
   * appends `mailbox.error`; reaching `watching` after an error appends `mailbox.recovered`, both in
   * the state change's transaction.
   */
  private async setState(state: MailboxState, o: { lastError?: string | null; lastSyncAt?: string } = {}): Promise<void> {
    const m = this.mailbox;
    const now = this.deps.clock.now().toISOString();
    await transact(this.deps, async (trx) => {
      const before = await setMailboxState(trx, { orgId: m.org_id, mailboxId: m.mailbox_id, owner: this.s.owner }, { state, ...o });
      const event = state === 'error' && before !== 'error' ? 'mailbox.error' : state === 'watching' && before === 'error' ? 'mailbox.recovered' : undefined;
      if (!event) return;
      await appendEvent(trx, {
        orgId: m.org_id,
        eventName: event,
        itemType: 'mailbox',
        itemId: m.mailbox_id,
        actor: 'mailbox-sync',
        happenedAt: now,
        payload: { mailbox_id: m.mailbox_id, name: m.name, state, ...(state === 'error' ? { error: o.lastError ?? null } : {}) },
      });
    });
  }
}
