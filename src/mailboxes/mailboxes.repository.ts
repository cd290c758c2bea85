/**
 * Mailboxes and their folder checkpoints: CRUD with the credential sealed (src/shared/secret-box.ts,
 * bound to its row), the lease that gives one worker of all processes a mailbox's connection, the
 * health the API shows, and the checkpoint that advances inside the ingestion's transaction.
 */
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../db/create-db.js';
import { toBool, type MailboxAuthKind, type MailboxState, type MailboxTlsMode, type Row } from '../db/types.js';
import { sealedSecretColumn } from '../db/sealed-column.js';
import { SecretUnreadable, type SecretKeyRing } from '../shared/secret-box.js';
import { seekPage } from '../db/keyset.js';
import { listOrder } from '../shared/paging.js';

export type MailboxRow = Row<'mailbox'>;

/** Every state a mailbox shows (the API's enum, and the /metrics gauge's label values). */
export const MAILBOX_STATES = ['idle', 'connecting', 'syncing', 'watching', 'error', 'disabled'] as const satisfies readonly MailboxState[];

/** A mailbox as the API answers it: never the secret. */
export interface MailboxView {
  mailbox_id: number;
  org_id: number;
  name: string;
  host: string;
  port: number;
  tls_mode: MailboxTlsMode;
  username: string;
  auth_kind: MailboxAuthKind;
  oauth_token_url: string | null;
  oauth_client_id: string | null;
  folders: string[];
  own_domains: string[];
  after_processing: string;
  enabled: boolean;
  state: MailboxState;
  connected: boolean;
  last_sync_at: string | null;
  last_error: string | null;
  messages_ingested: number;
  /** Per watched folder that has been synced at least once: how far its sync is. */
  folder_status: FolderStatus[];
  created_at: string;
  updated_at: string;
}

/** A watched folder's checkpoint and progress, as the API shows it. */
export interface FolderStatus {
  folder: string;
  uidvalidity: number;
  last_uid: number;
  /** Messages taken from the folder under its current UIDVALIDITY. */
  synced: number;
  /** Messages above the checkpoint at the last listing, still to be taken (0: up to date). */
  pending: number;
  updated_at: string;
}

/** The view without folder progress (a new or removed mailbox has none); mailboxViews adds it. */
export function toMailboxView(r: MailboxRow, folderStatus: FolderStatus[] = []): MailboxView {
  return {
    mailbox_id: r.mailbox_id,
    org_id: r.org_id,
    name: r.name,
    host: r.host,
    port: r.port,
    tls_mode: r.tls_mode,
    username: r.username,
    auth_kind: r.auth_kind,
    oauth_token_url: r.oauth_token_url,
    oauth_client_id: r.oauth_client_id,
    folders: JSON.parse(r.folders_json) as string[],
    own_domains: JSON.parse(r.own_domains_json) as string[],
    after_processing: r.after_processing,
    enabled: toBool(r.enabled),
    state: r.state,
    connected: r.state === 'syncing' || r.state === 'watching',
    last_sync_at: r.last_sync_at,
    last_error: r.last_error,
    messages_ingested: Number(r.messages_ingested),
    folder_status: folderStatus,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

/** Where a mailbox's credential lives: the sealed value opens only in this row. */
export function mailboxSecretContext(orgId: number, mailboxId: number): string {
  return `mailbox.secret:${orgId}:${mailboxId}`;
}

function sealedSecret(box: SecretKeyRing, orgId: number, mailboxId: number, secret: string) {
  const { stored, keyId } = box.seal(secret, mailboxSecretContext(orgId, mailboxId));
  return { secret: stored, secret_key_id: keyId };
}

/** The plaintext credential (password, or the XOAUTH2 document of oauth-token.ts); throws SecretUnreadable rather than use anything unverified. */
export function openMailboxSecret(box: SecretKeyRing, r: Pick<MailboxRow, 'org_id' | 'mailbox_id' | 'secret' | 'secret_key_id'>): string {
  if (r.secret_key_id === null) throw new SecretUnreadable('the credential is not sealed');
  return box.open(r.secret, mailboxSecretContext(r.org_id, r.mailbox_id));
}

/** The settings an admin gives; the credential in plaintext (sealed on write). */
export interface MailboxSettings {
  name: string;
  host: string;
  port: number;
  tlsMode: MailboxTlsMode;
  username: string;
  authKind: MailboxAuthKind;
  secret: string;
  oauthTokenUrl: string | null;
  oauthClientId: string | null;
  folders: string[];
  ownDomains: string[];
  afterProcessing: string;
  enabled: boolean;
}

function settingsColumns(s: Partial<MailboxSettings>) {
  return {
    ...(s.name !== undefined ? { name: s.name } : {}),
    ...(s.host !== undefined ? { host: s.host } : {}),
    ...(s.port !== undefined ? { port: s.port } : {}),
    ...(s.tlsMode !== undefined ? { tls_mode: s.tlsMode } : {}),
    ...(s.username !== undefined ? { username: s.username } : {}),
    ...(s.authKind !== undefined ? { auth_kind: s.authKind } : {}),
    ...(s.oauthTokenUrl !== undefined ? { oauth_token_url: s.oauthTokenUrl } : {}),
    ...(s.oauthClientId !== undefined ? { oauth_client_id: s.oauthClientId } : {}),
    ...(s.folders !== undefined ? { folders_json: JSON.stringify(s.folders) } : {}),
    ...(s.ownDomains !== undefined ? { own_domains_json: JSON.stringify(s.ownDomains) } : {}),
    ...(s.afterProcessing !== undefined ? { after_processing: s.afterProcessing } : {}),
    ...(s.enabled !== undefined ? { enabled: s.enabled } : {}),
  };
}

/**
 * Inserts a mailbox with its credential sealed. As for webhooks, the sealed value names its row,
 * whose id exists only after the insert: the row goes in with an empty secret and gets the sealed
 * one in the same transaction, so no reader ever sees the placeholder.
 */
export async function createMailbox(trx: Trx, box: SecretKeyRing, orgId: number, s: MailboxSettings, now: string): Promise<MailboxRow> {
  const { mailbox_id } = await trx
    .insertInto('mailbox')
    .values({
      org_id: orgId,
      name: s.name,
      host: s.host,
      port: s.port,
      tls_mode: s.tlsMode,
      username: s.username,
      auth_kind: s.authKind,
      secret: '',
      oauth_token_url: s.oauthTokenUrl,
      oauth_client_id: s.oauthClientId,
      folders_json: JSON.stringify(s.folders),
      own_domains_json: JSON.stringify(s.ownDomains),
      after_processing: s.afterProcessing,
      enabled: s.enabled,
      state: s.enabled ? 'idle' : 'disabled',
      created_at: now,
      updated_at: now,
    })
    .returning('mailbox_id')
    .executeTakeFirstOrThrow();
  return trx
    .updateTable('mailbox')
    .set(sealedSecret(box, orgId, mailbox_id, s.secret))
    .where('org_id', '=', orgId)
    .where('mailbox_id', '=', mailbox_id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getMailbox(db: DbOrTrx, orgId: number, mailboxId: number): Promise<MailboxRow | undefined> {
  return db.selectFrom('mailbox').selectAll().where('org_id', '=', orgId).where('mailbox_id', '=', mailboxId).executeTakeFirst();
}

export async function mailboxNameTaken(db: DbOrTrx, orgId: number, name: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('mailbox').select('mailbox_id').where('org_id', '=', orgId).where('name', '=', name);
  if (exceptId !== undefined) q = q.where('mailbox_id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The list's order (what its cursors hold). */
export const MAILBOX_ORDER = listOrder('mailboxes', ['mailbox_id'] as const, 'asc');

export async function listMailboxes(db: DbOrTrx, q: { orgId: number; limit: number; offset: number; after?: readonly unknown[] | undefined }): Promise<{ data: MailboxView[]; total: number }> {
  const base = db.selectFrom('mailbox').where('org_id', '=', q.orgId);
  const [rows, count] = await Promise.all([
    seekPage(base.selectAll(), MAILBOX_ORDER, q).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: await mailboxViews(db, rows), total: Number(count.n) };
}

/** Views of mailboxes of one org with the progress of their watched folders, in one query. */
export async function mailboxViews(db: DbOrTrx, rows: MailboxRow[]): Promise<MailboxView[]> {
  if (rows.length === 0) return [];
  const checkpoints = await db
    .selectFrom('mailbox_folder_checkpoint')
    .select(['mailbox_id', 'folder', 'uidvalidity', 'last_uid', 'synced', 'pending', 'updated_at'])
    .where('org_id', '=', rows[0]!.org_id)
    .where(
      'mailbox_id',
      'in',
      rows.map((r) => r.mailbox_id),
    )
    .orderBy('mailbox_id')
    .orderBy('folder')
    .execute();
  return rows.map((r) => {
    // A folder no longer watched keeps its checkpoint (watching it again resumes there) but is not shown.
    const watched = JSON.parse(r.folders_json) as string[];
    const status = checkpoints
      .filter((c) => c.mailbox_id === r.mailbox_id && watched.includes(c.folder))
      .map((c) => ({
        folder: c.folder,
        uidvalidity: Number(c.uidvalidity),
        last_uid: Number(c.last_uid),
        synced: Number(c.synced),
        pending: Number(c.pending),
        updated_at: c.updated_at,
      }));
    return toMailboxView(r, status);
  });
}

/**
 * Changes settings and bumps `config_version`, which tells the worker holding the mailbox to
 * reconnect with them. Disabling shows `disabled` at once; enabling a disabled mailbox shows `idle`
 * until a worker picks it up. Any other state (an error, say) stays until the watcher moves it.
 */
export async function updateMailbox(db: DbOrTrx, box: SecretKeyRing, orgId: number, mailboxId: number, s: Partial<MailboxSettings>, now: string): Promise<MailboxRow | undefined> {
  return db
    .updateTable('mailbox')
    .set((eb) => ({
      ...settingsColumns(s),
      ...(s.secret !== undefined ? sealedSecret(box, orgId, mailboxId, s.secret) : {}),
      ...(s.enabled === false ? { state: 'disabled' as const } : {}),
      ...(s.enabled === true ? { state: sql<MailboxState>`case when state = 'disabled' then 'idle' else state end` } : {}),
      config_version: eb('config_version', '+', 1),
      updated_at: now,
    }))
    .where('org_id', '=', orgId)
    .where('mailbox_id', '=', mailboxId)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Replaces the sealed credential only while it still holds `expected` (the XOAUTH2 token refresh
 * writing back the tokens it obtained): an admin's change made meanwhile is never overwritten. Not
 * a settings change: config_version and updated_at stay, so the worker holding it does not reconnect.
 */
export async function replaceMailboxSecret(
  db: DbOrTrx,
  box: SecretKeyRing,
  m: Pick<MailboxRow, 'org_id' | 'mailbox_id'>,
  expected: string,
  plaintext: string,
): Promise<boolean> {
  const r = await db
    .updateTable('mailbox')
    .set(sealedSecret(box, m.org_id, m.mailbox_id, plaintext))
    .where('org_id', '=', m.org_id)
    .where('mailbox_id', '=', m.mailbox_id)
    .where('secret', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteMailbox(db: DbOrTrx, orgId: number, mailboxId: number): Promise<MailboxRow | undefined> {
  // Its checkpoints go with it (ON DELETE CASCADE); the worker holding it stops at its next lease renewal.
  return db.deleteFrom('mailbox').where('org_id', '=', orgId).where('mailbox_id', '=', mailboxId).returningAll().executeTakeFirst();
}

/** How many mailboxes are in each state, across all orgs (the /metrics gauge); states with none are left out. */
export async function countMailboxesByState(db: DbOrTrx): Promise<Array<{ state: MailboxState; count: number }>> {
  const rows = await db.selectFrom('mailbox').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
  return rows.map((r) => ({ state: r.state, count: Number(r.n) }));
}

// ------------------------------------------------------------------ lease

/**
 * Claims every enabled mailbox that is free (no holder, or a lease that expired: its worker died or
 * hung) and renews those `owner` already holds, in one statement; returns what `owner` now holds.
 * On PostgreSQL two workers claiming at once serialise on the row lock and the second re-checks the
 * condition against the committed lease, so a mailbox never gets two holders.
 */
export async function claimMailboxes(db: DbOrTrx, owner: string, now: string, until: string): Promise<MailboxRow[]> {
  return db
    .updateTable('mailbox')
    .set({ lease_owner: owner, lease_expires_at: until })
    .where('enabled', '=', true)
    .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_owner', '=', owner), eb('lease_expires_at', '<', now)]))
    .returningAll()
    .execute();
}

/** Gives up `owner`'s leases (a clean stop), so another worker takes over without waiting for expiry. */
export async function releaseMailboxes(db: DbOrTrx, owner: string, mailboxIds?: number[]): Promise<void> {
  if (mailboxIds && mailboxIds.length === 0) return;
  // No one holds it now: it shows idle until the next holder connects (an error stays shown).
  let q = db
    .updateTable('mailbox')
    .set({
      lease_owner: null,
      lease_expires_at: null,
      state: sql<MailboxState>`case when state in ('connecting', 'syncing', 'watching') then 'idle' else state end`,
    })
    .where('lease_owner', '=', owner);
  if (mailboxIds) q = q.where('mailbox_id', 'in', mailboxIds);
  await q.execute();
}

/** The lease was lost (expired and taken, or the mailbox deleted or disabled): the holder must stop. */
export class LeaseLost extends Error {
  constructor(mailboxId: number) {
    super(`mailbox ${mailboxId}: lease lost`);
    this.name = 'LeaseLost';
  }
}

/**
 * Sets the mailbox's state, only while `owner` holds it. Returns the state it had before, so the
 * caller knows whether this was a change worth an event; throws LeaseLost when not the holder.
 */
export async function setMailboxState(
  trx: Trx,
  m: { orgId: number; mailboxId: number; owner: string },
  next: { state: MailboxState; lastError?: string | null; lastSyncAt?: string },
): Promise<MailboxState> {
  const before = await trx
    .selectFrom('mailbox')
    .select('state')
    .where('org_id', '=', m.orgId)
    .where('mailbox_id', '=', m.mailboxId)
    .where('lease_owner', '=', m.owner)
    .executeTakeFirst();
  if (!before) throw new LeaseLost(m.mailboxId);
  await trx
    .updateTable('mailbox')
    .set({
      state: next.state,
      ...(next.lastError !== undefined ? { last_error: next.lastError } : {}),
      ...(next.lastSyncAt !== undefined ? { last_sync_at: next.lastSyncAt } : {}),
    })
    .where('org_id', '=', m.orgId)
    .where('mailbox_id', '=', m.mailboxId)
    .where('lease_owner', '=', m.owner)
    .execute();
  return before.state;
}

// ------------------------------------------------------------------ checkpoints

export type Checkpoint = Pick<Row<'mailbox_folder_checkpoint'>, 'uidvalidity' | 'last_uid' | 'effects_uid'>;

export async function getCheckpoint(db: DbOrTrx, orgId: number, mailboxId: number, folder: string): Promise<Checkpoint | undefined> {
  const r = await db
    .selectFrom('mailbox_folder_checkpoint')
    .select(['uidvalidity', 'last_uid', 'effects_uid'])
    .where('org_id', '=', orgId)
    .where('mailbox_id', '=', mailboxId)
    .where('folder', '=', folder)
    .executeTakeFirst();
  return r && { uidvalidity: Number(r.uidvalidity), last_uid: Number(r.last_uid), effects_uid: Number(r.effects_uid) };
}

/**
 * Starts a folder's checkpoint over at UID 0 under a UIDVALIDITY (first sight, or the server
 * renumbered the folder: every message is read again, and ingestion's dedupe key — Message-ID, or a
 * content hash without one — recognises those already ingested).
 */
export async function resetCheckpoint(db: DbOrTrx, orgId: number, mailboxId: number, folder: string, uidvalidity: number, now: string): Promise<Checkpoint> {
  await db
    .insertInto('mailbox_folder_checkpoint')
    .values({ org_id: orgId, mailbox_id: mailboxId, folder, uidvalidity, last_uid: 0, effects_uid: 0, synced: 0, pending: 0, updated_at: now })
    .onConflict((oc) => oc.columns(['org_id', 'mailbox_id', 'folder']).doUpdateSet({ uidvalidity, last_uid: 0, effects_uid: 0, synced: 0, pending: 0, updated_at: now }))
    .execute();
  return { uidvalidity, last_uid: 0, effects_uid: 0 };
}

/**
 * Inside the ingestion's chunk transaction: moves the folder's checkpoint to `lastUid` (and its
 * side-effect mark with it when there are none to do) and counts the messages on the mailbox. The
 * mailbox row is updated first, guarded by the lease, so a worker that lost its lease rolls the
 * whole chunk back (LeaseLost) instead of writing beside the new holder.
 */
export async function advanceCheckpoint(
  trx: Trx,
  m: { orgId: number; mailboxId: number; owner: string; folder: string; uidvalidity: number },
  lastUid: number,
  messages: number,
  o: { effectsToo: boolean; now: string },
): Promise<void> {
  const held = await trx
    .updateTable('mailbox')
    .set((eb) => ({ messages_ingested: eb('messages_ingested', '+', messages) }))
    .where('org_id', '=', m.orgId)
    .where('mailbox_id', '=', m.mailboxId)
    .where('lease_owner', '=', m.owner)
    .executeTakeFirst();
  if (Number(held.numUpdatedRows) === 0) throw new LeaseLost(m.mailboxId);
  await trx
    .updateTable('mailbox_folder_checkpoint')
    .set((eb) => ({
      last_uid: lastUid,
      ...(o.effectsToo ? { effects_uid: lastUid } : {}),
      synced: eb('synced', '+', messages),
      pending: sql<number>`case when pending > ${messages} then pending - ${messages} else 0 end`,
      updated_at: o.now,
    }))
    .where('org_id', '=', m.orgId)
    .where('mailbox_id', '=', m.mailboxId)
    .where('folder', '=', m.folder)
    .where('uidvalidity', '=', m.uidvalidity)
    .execute();
}

/**
 * Records how many messages a listing found above the checkpoint (the progress a first sync of a
 * large folder shows); the chunks that ingest them count it down. Guarded by the UIDVALIDITY, as
 * the checkpoint itself.
 */
export async function setPending(db: DbOrTrx, orgId: number, mailboxId: number, folder: string, uidvalidity: number, pending: number, now: string): Promise<void> {
  await db
    .updateTable('mailbox_folder_checkpoint')
    .set({ pending, updated_at: now })
    .where('org_id', '=', orgId)
    .where('mailbox_id', '=', mailboxId)
    .where('folder', '=', folder)
    .where('uidvalidity', '=', uidvalidity)
    .where('pending', '!=', pending)
    .execute();
}

/** Records that side effects are done up to `uid` (after they were applied on the server). */
export async function markEffectsDone(db: DbOrTrx, orgId: number, mailboxId: number, folder: string, uidvalidity: number, uid: number, now: string): Promise<void> {
  await db
    .updateTable('mailbox_folder_checkpoint')
    .set({ effects_uid: uid, updated_at: now })
    .where('org_id', '=', orgId)
    .where('mailbox_id', '=', mailboxId)
    .where('folder', '=', folder)
    .where('uidvalidity', '=', uidvalidity)
    .where('effects_uid', '<', uid)
    .execute();
}

// ------------------------------------------------------------------ the secret column

/** mailbox.secret for the rotation and the start-up checks (src/app/secrets.ts). */
export const mailboxSecretColumn = sealedSecretColumn({ table: 'mailbox', id: 'mailbox_id', context: mailboxSecretContext });
