/**
 * Why a mailbox could not be reached or logged into, in words worth showing as they are (the
 * mailbox's `last_error`, the test endpoint's `error`): no stack, never a secret. Shared by the
 * IMAP session and the XOAUTH2 token refresh.
 */
export class MailboxConnectError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'auth' | 'tls' | 'timeout' | 'refused_host' | 'credential' | 'protocol',
  ) {
    super(message);
    this.name = 'MailboxConnectError';
  }
}
