/** Typed calls to the admin-only mailbox routes; the types are the server's own view of a mailbox. */
import type { FolderStatus, MailboxView } from '../../../src/mailboxes/mailboxes.repository.js';
import type { Api } from './client.js';
import type { Page } from './workstream.js';

export type { FolderStatus };
export type Mailbox = MailboxView;
export type MailboxState = Mailbox['state'];

/** The API's largest page: more than any org is expected to have; the screen says when there are more. */
export const MAILBOX_PAGE = 200;

export const mailboxes = {
  list: (api: Api) => api.rest<Page<Mailbox>>('GET', `/api/mailboxes?limit=${MAILBOX_PAGE}`),
};
