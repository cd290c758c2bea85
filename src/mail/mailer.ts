/**
 * Outgoing mail: SMTP when SMTP_URL is set, otherwise the embedded default, one `.eml` file per
 * message under MAIL_DIR. The file is named after the Message-ID, so sending the same message
 * twice (a retry after a crash) rewrites the same file instead of adding a second one.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Config } from '../config/config.js';
import { PermanentFailure } from '../outbox/handler.js';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** `<…@…>`, derived from what is being sent so receivers can drop a repeat. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's final answer, or the file written. */
  response: string;
}

export interface Mailer {
  readonly description: string;
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address ?? a)));
}

export function smtpMailer(url: string): Mailer {
  // nodemailer's defaults wait up to 10 minutes on a silent socket; a worker must be able to stop
  // within SHUTDOWN_TIMEOUT-ish, and a hung server is better retried later.
  const transport = nodemailer.createTransport(
    new SMTPTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
  );
  return {
    description: `smtp ${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`,
    async send(mail) {
      try {
        const info = await transport.sendMail({ ...mail, headers: mail.headers });
        return { messageId: info.messageId, accepted: addresses(info.accepted), rejected: addresses(info.rejected), response: info.response };
      } catch (err) {
        // A 5xx refusal of the recipient is final (no such mailbox); 4xx and network errors retry.
        const e = err as { code?: string; responseCode?: number; response?: string; command?: string };
        if (e.code === 'EENVELOPE' && e.command === 'RCPT TO' && (e.responseCode ?? 0) >= 500) {
          throw new PermanentFailure(`The mail server refused ${mail.to}: ${e.response ?? (err as Error).message}`);
        }
        throw err;
      }
    },
    close: () => transport.close(),
  };
}

export function fileMailer(dir: string): Mailer {
  const root = resolve(dir);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `files under ${root}`,
    async send(mail) {
      const info = await transport.sendMail({ ...mail, headers: mail.headers });
      await mkdir(root, { recursive: true });
      const name = `${mail.messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_')}.eml`;
      const file = join(root, name);
      // Write-then-rename: a reader never sees half a message, and a resend replaces it whole.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, info.message as Buffer);
      await rename(tmp, file);
      return { messageId: info.messageId, accepted: [mail.to], rejected: [], response: `written ${file}` };
    },
    close: () => {},
  };
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailDir'>): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl) : fileMailer(config.mailDir);
}

/** The domain of MAIL_FROM (`FlowLedger <no-reply@flowledger.local>` → `flowledger.local`). */
export function senderDomain(from: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return m?.[1] ?? 'flowledger.local';
}
