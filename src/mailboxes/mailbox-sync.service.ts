/**
 * The mailbox sync service of a worker process: one connection per mailbox across all processes.
 *
 * Every third of MAILBOX_LEASE it claims free mailboxes and renews the ones it holds, in one
 * statement (mailboxes.repository.ts, claimMailboxes), then reconciles its watchers with that:
 * a watcher per held mailbox, restarted when the mailbox's settings changed (`config_version`),
 * stopped when the lease is gone (deleted, disabled, or taken after this process stalled past the
 * lease). A worker that dies simply stops renewing: its mailboxes are claimed by another once
 * their lease expires. stop() stops the watchers and releases the leases, so a restart or another
 * worker takes over at once.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config/config.js';
import { ParsePool } from '../ingest/parse-pool.js';
import { isUnavailable } from '../shared/errors.js';
import type { Service } from '../shared/lifecycle.js';
import { Periodic } from '../shared/periodic.js';
import type { FolderSyncDeps } from './folder-sync.js';
import { MailboxWatcher, type WatcherDeps } from './mailbox-watcher.js';
import { claimMailboxes, releaseMailboxes } from './mailboxes.repository.js';

export type MailboxSyncDeps = Omit<WatcherDeps, keyof Pick<FolderSyncDeps, 'pools'>> & {
  config: Pick<
    Config,
    'mailboxPollIntervalMs' | 'mailboxLeaseMs' | 'mailboxConnectTimeoutMs' | 'mailboxReconnectMaxMs' | 'mailboxMaxMessageBytes' | 'mailboxAllowPrivateNetworks'
  >;
  /**
   * The parse pools the syncs ingest through. Left out, the service makes its own and closes them
   * on stop(); given, they stay the caller's to close (a process may share one pool between its
   * ingestion paths, and a test can hold a sync between two chunks).
   */
  pools?: FolderSyncDeps['pools'];
};

export class MailboxSyncService implements Service {
  readonly name = 'mailbox-sync';
  /** This process's name on the leases it holds. */
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly watchers = new Map<number, MailboxWatcher>();
  private readonly pools: FolderSyncDeps['pools'];
  private readonly ownsPools: boolean;
  private readonly periodic: Periodic;
  private started = false;

  constructor(private readonly deps: MailboxSyncDeps) {
    this.ownsPools = !deps.pools;
    this.pools = deps.pools ?? { inline: new ParsePool(0), workers: ParsePool.forBatches() };
    this.periodic = new Periodic(Math.max(100, Math.floor(deps.config.mailboxLeaseMs / 3)), () => this.reconcile());
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.periodic.start();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.periodic.stop();
    const held = [...this.watchers.keys()];
    await Promise.all([...this.watchers.values()].map((w) => w.stop()));
    this.watchers.clear();
    await releaseMailboxes(this.deps.database.db, this.owner, held).catch((err: unknown) => {
      this.deps.logger.warn({ err: (err as Error).message }, 'mailbox-sync: could not release leases; they expire on their own');
    });
    if (this.ownsPools) await this.pools.workers.close();
  }

  /** The mailboxes this process watches now (tests, metrics). */
  get watching(): number[] {
    return [...this.watchers.keys()];
  }

  private async reconcile(): Promise<void> {
    const c = this.deps.config;
    const now = this.deps.clock.now();
    let held;
    try {
      held = await claimMailboxes(this.deps.database.db, this.owner, now.toISOString(), new Date(now.getTime() + c.mailboxLeaseMs).toISOString());
    } catch (err) {
      if (!isUnavailable(err)) this.deps.logger.error({ err }, 'mailbox-sync: claiming mailboxes failed');
      return;
    }
    if (!this.started) return;
    const heldIds = new Set(held.map((m) => m.mailbox_id));
    for (const [id, w] of this.watchers) {
      if (!heldIds.has(id)) {
        this.watchers.delete(id);
        await w.stop();
      }
    }
    for (const m of held) {
      const current = this.watchers.get(m.mailbox_id);
      if (current && current.configVersion === m.config_version && !current.finished) continue;
      if (current) await current.stop();
      const w = new MailboxWatcher({ ...this.deps, pools: this.pools }, m, {
        owner: this.owner,
        pollIntervalMs: c.mailboxPollIntervalMs,
        connectTimeoutMs: c.mailboxConnectTimeoutMs,
        reconnectMaxMs: c.mailboxReconnectMaxMs,
        maxMessageBytes: c.mailboxMaxMessageBytes,
        allowPrivateNetworks: c.mailboxAllowPrivateNetworks,
      });
      this.watchers.set(m.mailbox_id, w);
      w.start();
    }
  }
}
