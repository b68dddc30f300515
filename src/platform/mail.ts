// The email outbox: messages are stored first and sent by a job, so a mail server that is down
// delays them instead of losing them. Each message is retried until it has failed many times.
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from './db/database.ts';
import { isoNow } from './time.ts';
import { emailsFailed, emailsSent } from './metrics/process-metrics.ts';

export const MAX_EMAIL_ATTEMPTS = 10;

export class MailNotConfigured extends Error {}

export interface OutboxReport {
  sent: number;
  failed: number;
  waiting: number;
}

/** Sends what is queued. Throws (so the job is retried) when the mail server refused anything. */
export async function sendOutbox(db: Db, config: Config, log: Logger): Promise<OutboxReport> {
  const queued = await db.selectFrom('email_outbox').selectAll().where('state', '=', 'queued').orderBy('id').limit(200).execute();
  const report: OutboxReport = { sent: 0, failed: 0, waiting: 0 };
  if (queued.length === 0) return report;
  if (!config.smtp.host || !config.smtp.from) {
    throw new MailNotConfigured(`${queued.length} email(s) waiting: set SMTP_HOST and SMTP_FROM to send them`);
  }
  const transport = nodemailer.createTransport({
    host: config.smtp.host, port: config.smtp.port, secure: config.smtp.secure,
    auth: config.smtp.user ? { user: config.smtp.user, pass: config.smtp.password ?? '' } : undefined,
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
  });
  try {
    for (const message of queued) {
      try {
        await transport.sendMail({ from: config.smtp.from, to: message.recipient, subject: message.subject, text: message.body, ...(message.html_body ? { html: message.html_body } : {}) });
        await db.updateTable('email_outbox').set({ state: 'sent', sent_at: isoNow(), attempts: message.attempts + 1, last_error: null }).where('id', '=', message.id).execute();
        report.sent++;
        emailsSent.inc();
      } catch (error) {
        emailsFailed.inc();
        const attempts = message.attempts + 1;
        const state = attempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'queued';
        await db.updateTable('email_outbox').set({ state, attempts, last_error: (error as Error).message }).where('id', '=', message.id).execute();
        log.warn({ err: error, to: message.recipient, attempts }, 'email not sent');
        if (state === 'failed') report.failed++;
        else report.waiting++;
      }
    }
  } finally {
    transport.close();
  }
  if (report.waiting > 0) throw new Error(`${report.waiting} email(s) could not be sent yet; they will be retried`);
  return report;
}
