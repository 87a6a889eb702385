import { expect } from '@playwright/test';

const MAIL_HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? 3213);

export interface SentEmail {
  to: string[];
  subject: string;
  text: string;
}

async function received(): Promise<SentEmail[]> {
  const response = await fetch(`http://127.0.0.1:${MAIL_HTTP_PORT}/messages`);
  return (await response.json()) as SentEmail[];
}

/** Waits (polling the local SMTP server's record, with the expect timeout) for an e-mail to `to` matching `subject`. */
export async function waitForEmail(to: string, subject: RegExp): Promise<SentEmail> {
  let found: SentEmail | undefined;
  await expect
    .poll(async () => {
      found = (await received()).find((email) => email.to.includes(to) && subject.test(email.subject));
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}
