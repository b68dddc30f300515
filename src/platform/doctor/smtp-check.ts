// The mail server alert emails go through answers: connect, EHLO, STARTTLS when offered and the
// login when a user is set, as sending would, without sending anything.
import nodemailer from 'nodemailer';
import type { DoctorCheck } from './finding.ts';
import { error, ok, skipped, warning } from './finding.ts';

export const smtpCheck: DoctorCheck = {
  name: 'smtp',
  async run({ config, database }) {
    const { smtp } = config;
    if (smtp.host === null) {
      const waiting = database
        ? await database.db.selectFrom('email_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'queued').executeTakeFirst()
        : undefined;
      return Number(waiting?.n ?? 0) > 0
        ? [warning(`SMTP_HOST is not set and ${waiting!.n} email(s) are waiting to be sent`, 'set SMTP_HOST and SMTP_FROM (docs/configuration.md)')]
        : [skipped('SMTP_HOST is not set: alert emails are kept until it is')];
    }
    const where = `${smtp.host}:${smtp.port}`;
    const transport = nodemailer.createTransport({
      host: smtp.host, port: smtp.port, secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000,
    });
    try {
      await transport.verify();
      return [ok(`the mail server at ${where} answers${smtp.user ? ` and accepts the login of ${smtp.user}` : ''}`)];
    } catch (problem) {
      const { code, syscall } = problem as { code?: string; syscall?: string };
      const message = (problem as Error).message;
      const unreachable = syscall === 'connect' || code === 'EDNS' || code === 'ETIMEDOUT' || code === 'ECONNECTION'
        || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|Greeting never received/.test(message);
      const fix = code === 'EAUTH' ? 'correct SMTP_USER and SMTP_PASSWORD'
        : unreachable ? 'start the mail server, or correct SMTP_HOST and SMTP_PORT (and the firewall between them)'
          : 'check SMTP_SECURE (true for port 465, false for STARTTLS on 25 or 587) and SMTP_PORT';
      return [error(`the mail server at ${where} did not answer as expected: ${(problem as Error).message}`, fix)];
    } finally {
      transport.close();
    }
  },
};
