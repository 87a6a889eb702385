import assert from 'node:assert/strict';
import { once } from 'node:events';
import net, { type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { emailOutbox } from '@/db/schema/notifications';
import { enqueueEmails, processOutbox, startMailOutbox } from '@/server/services/mail/outbox';
import { smtpSender, type SendEmail } from '@/server/services/mail/transport';
import { buildCompact, buildParty, callerFor, memberWithRole, tokenOf, type Member } from '../helpers/factories';
import { buildIndicator, configureQuarters, progressInput } from '../helpers/framework-fixtures';
import { startSmtpSink, type ReceivedEmail, type SmtpSink } from '../helpers/smtp-sink';
import { createTestDb } from '../helpers/test-db';

const PUBLIC_URL = 'https://compacts.example.test';
const db = createTestDb();
let sink: SmtpSink;
let stopOutbox: () => void;

let compactId: string;
let partyId: string;
let periods: { id: string; label: string }[];
let admin: Member, monitor: Member, colleague: Member, validator: Member, secondValidator: Member;

before(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.PUBLIC_URL = PUBLIC_URL;
  process.env.MAIL_FROM = 'Compact Workspace <no-reply@compacts.example.test>';
  stopOutbox = startMailOutbox(db.db, { pollMs: 60_000 });
  compactId = buildCompact(db, { title: 'Aldoria compact' }).id;
  partyId = buildParty(db, { shortCode: 'UNSMA' }).id;
  admin = await memberWithRole(db, compactId, 'admin', partyId);
  monitor = await memberWithRole(db, compactId, 'monitor', partyId);
  colleague = await memberWithRole(db, compactId, 'monitor', partyId);
  validator = await memberWithRole(db, compactId, 'validator');
  secondValidator = await memberWithRole(db, compactId, 'validator');
  periods = configureQuarters(db, compactId, '2025-01-01', 8);
});
after(async () => {
  stopOutbox();
  await sink.stop();
  db.cleanup();
});

const to = (address: string, subject: RegExp) => (email: ReceivedEmail) =>
  email.to.includes(address) && subject.test(email.subject);

async function submitted(periodIndex: number) {
  const indicator = buildIndicator(db, compactId, partyId);
  const draft = await monitor.caller.progress.saveDraft({
    compactId,
    ...progressInput(indicator.id, periods[periodIndex]!.id, { value: 3 }),
  });
  return { indicator, update: await monitor.caller.progress.submit({ compactId, updateId: draft.id }) };
}

const queuedFor = (address: string) => db.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).all();

describe('e-mail through a real SMTP server', () => {
  test('an invitation to a new address e-mails its absolute link, which opens the invitation', async () => {
    const result = await admin.caller.members.invite({
      compactId,
      email: 'Newcomer@Example.org',
      partyId,
      role: 'monitor',
      signatory: false,
    });
    const email = await sink.waitForMessage(to('newcomer@example.org', /Invitation to “Aldoria compact”/));
    assert.ok(email.text.includes(`${PUBLIC_URL}${result.path}`), email.text);
    assert.match(email.text, /as Monitor for Party/);
    const described = await (await callerFor(db, null)).account.invite({ token: tokenOf(result.path) });
    assert.equal(described.email, 'newcomer@example.org');
  });

  test('re-issuing an invitation e-mails the fresh link (the one e-mailed before no longer works)', async () => {
    const first = await admin.caller.members.invite({
      compactId,
      email: 'reissued@example.org',
      partyId,
      role: 'monitor',
      signatory: false,
    });
    const [pending] = (await admin.caller.members.invitations({ compactId })).filter(
      (row) => row.email === 'reissued@example.org',
    );
    const fresh = await admin.caller.members.reissueInvitation({ compactId, invitationId: pending!.id });
    assert.notEqual(fresh.path, first.path);
    const email = await sink.waitForMessage(
      (received) =>
        to('reissued@example.org', /Invitation to “Aldoria compact”/)(received) &&
        received.text.includes(`${PUBLIC_URL}${fresh.path}`),
    );
    assert.match(email.text, /as Monitor for Party/);
  });

  test('a submission e-mails every validator a link to the indicator; the submitting monitor gets none', async () => {
    const { indicator } = await submitted(0);
    const link = `${PUBLIC_URL}/compacts/${compactId}/indicators/${indicator.id}`;
    for (const person of [validator, secondValidator]) {
      const email = await sink.waitForMessage(to(person.email, new RegExp(`^${indicator.code} .*submitted`)));
      assert.ok(email.text.includes(link), email.text);
      assert.ok(email.text.includes(`${PUBLIC_URL}/account/notifications`), 'says where to choose e-mails');
    }
    assert.equal(queuedFor(monitor.email).filter((row) => row.subject.includes(indicator.code)).length, 0);
  });

  test("validating e-mails the monitor who submitted and the monitors of the party, with the validator's note", async () => {
    const { indicator, update } = await submitted(1);
    await validator.caller.progress.validate({
      compactId,
      updateId: update.id,
      rating: null,
      note: 'Checked against the patrol log.',
    });
    for (const person of [monitor, colleague]) {
      const email = await sink.waitForMessage(to(person.email, new RegExp(`^${indicator.code} .*validated`)));
      assert.match(email.text, /Note from the validator: Checked against the patrol log\./);
    }
  });

  test('returning e-mails the monitor with the reason', async () => {
    const { indicator, update } = await submitted(2);
    await validator.caller.progress.return({ compactId, updateId: update.id, reason: 'The source is missing.' });
    const email = await sink.waitForMessage(to(monitor.email, new RegExp(`^${indicator.code} .*returned`)));
    assert.match(email.text, /Reason: The source is missing\./);
  });

  test('a long reason or note is shortened in the e-mail and the bell with "…", never cut off silently', async () => {
    const returned = await submitted(2);
    const reason = `The source is missing. ${'Attach the patrol log of every district. '.repeat(20)}`.trim();
    await validator.caller.progress.return({ compactId, updateId: returned.update.id, reason });
    const email = await sink.waitForMessage(to(monitor.email, new RegExp(`^${returned.indicator.code} .*returned`)));
    const line = email.text.split('\n').find((l) => l.startsWith('Reason: '));
    assert.ok(line?.endsWith('…'), line);
    assert.ok(reason.startsWith(line!.slice('Reason: '.length, -1)), 'the start of the reason, as written');
    const validated = await submitted(3);
    await validator.caller.progress.validate({ compactId, updateId: validated.update.id, rating: null, note: reason });
    const [notice] = (await colleague.caller.notifications.list({ limit: 1 })).items;
    assert.equal(notice?.kind, 'progress-validated');
    assert.ok(notice?.args.note?.endsWith('…'), notice?.args.note);
  });

  test('someone who switched off an e-mail kind still sees it in the bell but is not e-mailed; invitation e-mails cannot be switched off', async () => {
    await secondValidator.caller.notifications.setEmailPreference({ kind: 'progress-submitted', enabled: false });
    const prefs = await secondValidator.caller.notifications.emailPreferences();
    assert.equal(prefs.mailConfigured, true);
    assert.equal(prefs.kinds.find((p) => p.kind === 'progress-submitted')?.enabled, false);
    assert.equal(prefs.kinds.find((p) => p.kind === 'invitation')?.optional, false);
    await assert.rejects(
      secondValidator.caller.notifications.setEmailPreference({ kind: 'invitation', enabled: false }),
      { code: 'BAD_REQUEST' },
    );
    const { indicator } = await submitted(3);
    await sink.waitForMessage(to(validator.email, new RegExp(`^${indicator.code} `)));
    assert.equal(queuedFor(secondValidator.email).filter((row) => row.subject.includes(indicator.code)).length, 0);
    const [latest] = (await secondValidator.caller.notifications.list({ limit: 1 })).items;
    assert.equal(latest?.args.indicator, indicator.code, 'the bell still shows it');
  });

  test('a failing SMTP server never fails the action: the e-mail is retried later and the failure is logged without secrets', async () => {
    stopOutbox();
    process.env.SMTP_URL = sink.url.replace('smtp://', 'smtp://mailer:s3cret-pass@');
    const { indicator } = await submitted(4);
    sink.refuseNext(1);
    const lines: string[] = [];
    let clock = Date.now();
    const send = smtpSender(sink.url);
    const pass = () => processOutbox(db.db, send, { now: () => new Date(clock), log: (line) => lines.push(line) });
    assert.equal(await pass(), 0, 'refused');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^E-mail \d+ \(progress-submitted\) failed \(attempt 1 of \d+\): \w+ 451$/);
    assert.ok(!lines[0]!.includes('s3cret') && !lines[0]!.includes(validator.email));
    assert.equal(await pass(), 0, 'nothing is due before the retry delay');
    clock += 61_000;
    assert.equal(await pass(), 1);
    await sink.waitForMessage(to(validator.email, new RegExp(`^${indicator.code} `)));
    const [row] = queuedFor(validator.email).filter((r) => r.subject.includes(indicator.code));
    assert.equal(row?.attempts, 1);
    assert.equal(row?.body, '', 'a sent message keeps no body (it may hold a one-time link)');
    assert.ok(row?.sentAt);
    process.env.SMTP_URL = sink.url;
    stopOutbox = startMailOutbox(db.db, { pollMs: 60_000 });
  });
  test('an e-mail refused every time is given up after the last attempt, its body cleared, and logged once more', async () => {
    stopOutbox();
    const { indicator } = await submitted(5);
    sink.refuseNext(2);
    const lines: string[] = [];
    let clock = Date.now();
    const send = smtpSender(sink.url);
    const pass = () =>
      processOutbox(db.db, send, { now: () => new Date(clock), maxAttempts: 2, log: (line) => lines.push(line) });
    await pass();
    clock += 61_000;
    await pass();
    clock += 24 * 60 * 60_000;
    assert.equal(await pass(), 0, 'a given-up message is not tried again');
    assert.match(lines.at(-1)!, /attempt 2 of 2\): \w+ 451; given up$/);
    const [row] = queuedFor(validator.email).filter((r) => r.subject.includes(indicator.code));
    assert.ok(row?.failedAt);
    assert.equal(row?.sentAt, null);
    assert.equal(row?.body, '');
    stopOutbox = startMailOutbox(db.db, { pollMs: 60_000 });
  });
  test('a message whose first hold ran out during a slow batch is sent once: the pass that took it over sends it, the slow pass leaves it', async () => {
    stopOutbox();
    let clock = Date.now();
    const subjects = ['Lease test 1', 'Lease test 2', 'Lease test 3'];
    enqueueEmails(
      db.db,
      subjects.map((subject) => ({ kind: 'progress-submitted', to: validator.email, subject, text: subject })),
      new Date(clock),
    );
    const sent: string[] = [];
    const smtp = smtpSender(sink.url);
    const pass = (send: SendEmail) => processOutbox(db.db, send, { now: () => new Date(clock), log: () => {} });
    const fast: SendEmail = async (email) => {
      await smtp(email);
      sent.push(email.subject);
    };
    // Each send of the slow pass takes 70 s; while it sends the second message another pass runs.
    const slow: SendEmail = async (email) => {
      await fast(email);
      clock += 70_000;
      if (email.subject === subjects[1]) await pass(fast);
    };
    await pass(slow);
    assert.deepEqual(
      sent.filter((subject) => subjects.includes(subject)).sort(),
      subjects,
      'each message is sent exactly once',
    );
    stopOutbox = startMailOutbox(db.db, { pollMs: 60_000 });
  });
  test('an SMTP server that never answers holds back only its e-mails: submitting and validating go on at once', async () => {
    stopOutbox();
    const held = new Set<Socket>();
    const silent = net.createServer((socket) => held.add(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const port = (silent.address() as AddressInfo).port;
    const connected = once(silent, 'connection');
    stopOutbox = startMailOutbox(db.db, { smtpUrl: `smtp://127.0.0.1:${port}`, pollMs: 60_000 });
    const { update } = await submitted(6);
    await connected;
    const started = Date.now();
    await validator.caller.progress.validate({ compactId, updateId: update.id, rating: null });
    const { update: another } = await submitted(7);
    assert.equal(another.state, 'submitted');
    assert.ok(Date.now() - started < 2_000, 'the actions never wait for the SMTP server');
    stopOutbox();
    held.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
    stopOutbox = startMailOutbox(db.db, { pollMs: 60_000 });
  });
});
