/** Typed calls to the admin-only mailbox routes; the type is the server's own view of a mailbox. */
import type { MailboxView } from '../../../src/mailboxes/mailboxes.repository.js';
import type { Api } from './client.js';
import type { Page } from './workstream.js';

/** One watched folder's first-sync progress (`pending` counts down as the sync's pages commit). */
export interface FolderStatus {
  folder: string;
  uidvalidity: number;
  last_uid: number;
  /** Messages ingested from this folder under its current UIDVALIDITY. */
  synced: number;
  /** Messages above the checkpoint at the last listing, not yet ingested. */
  pending: number;
  updated_at: string;
}

// `folder_status` is optional until every server answering this dashboard has it.
export type Mailbox = MailboxView & { folder_status?: FolderStatus[] };
export type MailboxState = Mailbox['state'];

/** More than any org is expected to have; the screen says so when there are more. */
export const MAILBOX_PAGE = 200;

export const mailboxes = {
  list: (api: Api) => api.rest<Page<Mailbox>>('GET', `/api/mailboxes?limit=${MAILBOX_PAGE}`),
};
