import 'server-only';
import nodemailer from 'nodemailer';
import { config } from '../../config';

/** One e-mail, plain text. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export type SendEmail = (email: OutgoingEmail) => Promise<void>;

/** Whether e-mail is configured: without SMTP_URL, nothing is e-mailed and the app shows links to copy. */
export function mailConfigured(): boolean {
  return config.smtpUrl !== null;
}

/** Bounds on one SMTP conversation, so a slow server holds a message back, never the outbox. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** Sends through the SMTP server of `smtpUrl` (SMTP_URL by default). */
export function smtpSender(smtpUrl: string, from = config.mailFrom): SendEmail {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
  return async (email) => {
    await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
  };
}

/**
 * What may be logged of a failed send: the error's code and the server's response code, never
 * the message (it can quote the SMTP URL, its password or the e-mail's link).
 */
export function describeSendFailure(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : 'ERROR';
    const response = 'responseCode' in error && typeof error.responseCode === 'number' ? ` ${error.responseCode}` : '';
    return `${code}${response}`.slice(0, 80);
  }
  return 'ERROR';
}
