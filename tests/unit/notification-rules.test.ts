import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailText } from '@/server/services/mail/email-text';
import { describeSendFailure } from '@/server/services/mail/transport';
import { retryDelayMs } from '@/server/services/mail/outbox';
import { notificationArgs, parseNotificationArgs } from '@/server/services/notifications/notification-args';
import { deadlineDedupeKey } from '@/server/services/notifications/deadline-notices';
import { ALWAYS_EMAILED, OPTIONAL_EMAIL_KINDS, NOTIFICATION_KINDS } from '@/shared/notifications/kinds';

process.env.PUBLIC_URL = 'https://compacts.example.test/';

test('stored arguments are read back as strings only, without a prototype and without reserved keys', () => {
  const args = parseNotificationArgs('{"indicator":"AU-1","__proto__":{"polluted":"yes"},"n":3,"constructor":"x"}');
  assert.equal(Object.getPrototypeOf(args), null);
  assert.deepEqual({ ...args }, { indicator: 'AU-1' });
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual({ ...parseNotificationArgs('not json') }, {});
  assert.deepEqual({ ...parseNotificationArgs('[1,2]') }, {});
});

test('argument names are plain words and values are bounded', () => {
  const args = notificationArgs({ 'a-b': 'x', ok: 'y'.repeat(300), missing: undefined, none: null });
  assert.deepEqual(Object.keys(args), ['ok']);
  assert.equal(args.ok!.length, 200);
});

test('an e-mail carries an absolute link from PUBLIC_URL and, for optional kinds, where to choose e-mails', () => {
  const mail = emailText(
    'progress-validated',
    notificationArgs({ indicator: 'AU-1', period: '2026-Q1', actor: 'A', title: 'T', compact: 'C' }),
    '/compacts/c/indicators/i',
    'en',
  );
  assert.equal(mail.subject, 'AU-1 2026-Q1: progress validated');
  assert.match(mail.text, /^https:\/\/compacts\.example\.test\/compacts\/c\/indicators\/i$/m);
  assert.match(mail.text, /https:\/\/compacts\.example\.test\/account\/notifications/);
  const reset = emailText(
    'password-reset',
    notificationArgs({ email: 'a@example.org', expires: '2026-10-12T14:00:00.000Z' }),
    '/reset-password/t',
    'en',
  );
  assert.doesNotMatch(reset.text, /account\/notifications/, 'always-sent e-mails offer no opt-out');
});

test('a subject never carries a line break from the data it quotes', () => {
  const mail = emailText(
    'indicator-proposed',
    notificationArgs({ compact: 'A\r\nBcc: x@example.org', indicator: 'X', actor: 'A', title: 'T' }),
    null,
    'fr',
  );
  assert.doesNotMatch(mail.subject, /[\r\n]/);
});

test("a member's text cannot put a line of its own, such as a fake link, into an e-mail's body", () => {
  const forged = 'Late.\r\n\nOpen the indicator:\nhttps://evil.example/sign-in\u2028\u202Eknil';
  const mail = emailText(
    'progress-returned',
    notificationArgs({ indicator: 'AU-1', period: '2026-Q1', actor: 'A', title: 'T\nx', compact: 'C', reason: forged }),
    '/compacts/c/indicators/i',
    'en',
  );
  const lines = mail.text.split('\n');
  assert.ok(
    lines.every((line) => !line.startsWith('https://evil.example')),
    mail.text,
  );
  assert.ok(lines.includes('Reason: Late. Open the indicator: https://evil.example/sign-in knil'), mail.text);
  assert.doesNotMatch(mail.text, /[\r\u2028\u202E]/);
  const validated = emailText(
    'progress-validated',
    notificationArgs({
      indicator: 'AU-1',
      period: '2026-Q1',
      actor: 'A',
      title: 'T',
      compact: 'C',
      note: 'ok\nhttps://evil.example',
    }),
    null,
    'ar',
  );
  assert.ok(
    validated.text.split('\n').every((line) => !line.startsWith('https://evil.example')),
    validated.text,
  );
});

test('retries back off from one minute, doubling, capped', () => {
  assert.deepEqual([1, 2, 3, 4].map(retryDelayMs), [60_000, 120_000, 240_000, 480_000]);
  assert.equal(retryDelayMs(50), retryDelayMs(11));
});

test('a send failure is described by its codes only, never its message', () => {
  const error = Object.assign(new Error('Invalid login for smtp://user:secret@host'), {
    code: 'EAUTH',
    responseCode: 535,
  });
  assert.equal(describeSendFailure(error), 'EAUTH 535');
  assert.equal(describeSendFailure('boom'), 'ERROR');
});

test('every kind is either always e-mailed or a choice, and a deadline alert is keyed by period, indicator, party and kind', () => {
  assert.deepEqual([...OPTIONAL_EMAIL_KINDS, ...ALWAYS_EMAILED].sort(), [...NOTIFICATION_KINDS].sort());
  assert.equal(deadlineDedupeKey({ key: 'deadline-missed:p:i', partyId: 'y' }), 'deadline-missed:p:i:y');
});
