import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { randomToken } from '../crypto';

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe on digests. */
  headers?: Record<string, string>;
}
export interface StoredEmail extends Email {
  id: string;
  createdAt: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
  /** Emails kept in the outbox folder; null when mail really leaves by SMTP. */
  outbox(): Promise<StoredEmail[] | null>;
}

/** SMTP when configured; otherwise an outbox folder a person can read at /dev/outbox. */
export function createMailer(opts: { smtpUrl?: string; from: string; outboxDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(email) {
        await transport.sendMail({ from: opts.from, ...email });
      },
      outbox: async () => null,
    };
  }
  return {
    async send(email) {
      await mkdir(opts.outboxDir, { recursive: true });
      const createdAt = new Date().toISOString();
      const id = `${createdAt.replace(/[:.]/g, '-')}-${randomToken(6)}`;
      await writeFile(join(opts.outboxDir, `${id}.json`), JSON.stringify({ id, createdAt, ...email }, null, 2));
    },
    async outbox() {
      const files = await readdir(opts.outboxDir).catch(() => [] as string[]);
      const emails = await Promise.all(files.filter((f) => f.endsWith('.json')).map(async (f) => JSON.parse(await readFile(join(opts.outboxDir, f), 'utf8')) as StoredEmail));
      return emails.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
