import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { user } from '@/db/schema/auth';
import { accessLinks } from '@/db/schema/compacts';
import type { AppLocale } from '@/i18n/locales';
import { CLIENT_ADDRESS_HEADER } from '@/server/auth/request-origin';
import { createContext } from '@/server/trpc/init';
import { createCaller } from '@/server/trpc/root';
import { buildCompact, buildParty, buildUser, callerFor, memberWithRole, signIn, tokenOf } from '../helpers/factories';
import { buildIndicator, configureQuarters, progressInput } from '../helpers/framework-fixtures';
import { mailThroughSink } from '../helpers/mail-outbox';
import type { ReceivedEmail } from '../helpers/smtp-sink';
import { createTestDb } from '../helpers/test-db';

const PUBLIC_URL = 'https://compacts.example.test';
const db = createTestDb();
const sink = mailThroughSink(db, PUBLIC_URL);
let compactId: string;
let partyId: string;
let sequence = 0;

before(() => {
  compactId = buildCompact(db, { title: 'Aldoria compact' }).id;
  partyId = buildParty(db, { shortCode: 'UNSMA' }).id;
});
after(() => db.cleanup());

const chooseLocale = (userId: string, locale: AppLocale | null) =>
  db.db.update(user).set({ locale }).where(eq(user.id, userId)).run();
const localeOf = (email: string) => db.db.select({ locale: user.locale }).from(user).where(eq(user.email, email)).get();
const firstTo = (address: string) => sink().waitForMessage((email: ReceivedEmail) => email.to.includes(address));

/** An invitation to a new address from a new admin of the compact, in `locale`. */
async function invitation(email: string, locale: AppLocale) {
  const admin = await memberWithRole(db, compactId, 'admin', partyId);
  return admin.caller.members.invite({ compactId, email, partyId, role: 'monitor', signatory: false, locale });
}

/** A signed-out visitor whose browser sends these headers, from a client address of its own. */
async function visitor(headers: Record<string, string> = {}) {
  const address = `198.51.100.${++sequence}`;
  return createCaller(await createContext(db, new Headers({ [CLIENT_ADDRESS_HEADER]: address, ...headers })));
}

describe('e-mails in each recipient’s language, through a real SMTP server', () => {
  test('a French validator and an English validator of the same submission each get their own language', async () => {
    const periods = configureQuarters(db, compactId, '2025-01-01', 4);
    const monitor = await memberWithRole(db, compactId, 'monitor', partyId);
    const french = await memberWithRole(db, compactId, 'validator');
    const english = await memberWithRole(db, compactId, 'validator');
    chooseLocale(french.id, 'fr');
    const indicator = buildIndicator(db, compactId, partyId);
    const draft = await monitor.caller.progress.saveDraft({
      compactId,
      ...progressInput(indicator.id, periods[0]!.id, { value: 3 }),
    });
    await monitor.caller.progress.submit({ compactId, updateId: draft.id });

    const inFrench = await firstTo(french.email);
    assert.equal(inFrench.subject, `${indicator.code} ${periods[0]!.label}\u00a0: avancement soumis pour validation`);
    assert.match(inFrench.text, /dans «\u00a0Aldoria compact\u00a0»/);
    assert.match(
      inFrench.text,
      /Choisir les e-mails que vous recevez\u00a0: https:\/\/compacts\.example\.test\/account/,
    );
    const inEnglish = await firstTo(english.email);
    assert.equal(inEnglish.subject, `${indicator.code} ${periods[0]!.label}: progress submitted for validation`);
    assert.match(inEnglish.text, /Choose which e-mails you receive/);
  });

  test('an invitation issued in Arabic arrives in Arabic, and the account it creates is in Arabic', async () => {
    const sent = await invitation('arabic.invitee@example.org', 'ar');
    const email = await firstTo('arabic.invitee@example.org');
    assert.equal(email.subject, 'دعوة للانضمام إلى «Aldoria compact»');
    assert.match(email.text, /^يدعوك /);
    assert.match(
      email.text,
      /صالحة حتى \d{1,2} [\u0600-\u06FF]+ \d{4}/,
      'the expiry is an Arabic date with Latin digits',
    );
    assert.ok(email.text.includes(`${PUBLIC_URL}${sent.path}`), email.text);
    assert.doesNotMatch(email.text, /Open the invitation|valid until/);

    await (
      await visitor()
    ).account.acceptInvite({
      token: tokenOf(sent.path),
      name: 'Arabic Invitee',
      password: 'a long enough password',
    });
    assert.equal(localeOf('arabic.invitee@example.org')?.locale, 'ar');
    const session = await signIn(db, 'arabic.invitee@example.org', 'a long enough password');
    assert.equal((await (await callerFor(db, session)).account.me()).locale, 'ar');
  });

  test('a language the invitee chose on the invitation page wins over the invitation’s', async () => {
    const sent = await invitation('chooser@example.org', 'ar');
    await (
      await visitor({ cookie: 'cw-locale=fr' })
    ).account.acceptInvite({
      token: tokenOf(sent.path),
      name: 'Chooser',
      password: 'a long enough password',
    });
    assert.equal(localeOf('chooser@example.org')?.locale, 'fr');
  });

  test('an invitation defaults to the inviter’s language, and a re-issued invitation keeps its language', async () => {
    const admin = await memberWithRole(db, compactId, 'admin', partyId);
    chooseLocale(admin.id, 'fr');
    const frenchAdmin = await callerFor(db, admin.cookie);
    await frenchAdmin.members.invite({
      compactId,
      email: 'reissue.fr@example.org',
      partyId,
      role: 'monitor',
      signatory: false,
    });
    const [link] = db.db.select().from(accessLinks).where(eq(accessLinks.email, 'reissue.fr@example.org')).all();
    assert.equal(link?.locale, 'fr');
    chooseLocale(admin.id, 'en');
    const fresh = await (
      await callerFor(db, admin.cookie)
    ).members.reissueInvitation({
      compactId,
      invitationId: link!.id,
    });
    const email = await sink().waitForMessage(
      (received) => received.to.includes('reissue.fr@example.org') && received.text.includes(fresh.path),
    );
    assert.equal(email.subject, 'Invitation à «\u00a0Aldoria compact\u00a0»');
    assert.match(email.text, /valable jusqu’au \d{1,2} [a-zéû]+ \d{4}/);
  });

  test('an invitation to an existing account is e-mailed in the account’s own language', async () => {
    const existing = await buildUser(db, { email: 'existing.fr@example.org' });
    chooseLocale(existing.id, 'fr');
    await invitation(existing.email, 'ar');
    assert.equal((await firstTo(existing.email)).subject, 'Invitation à «\u00a0Aldoria compact\u00a0»');
  });

  test('the forgot-password e-mail follows the account’s language, whatever the asking page’s', async () => {
    const person = await buildUser(db, { email: 'forgetful.fr@example.org' });
    chooseLocale(person.id, 'fr');
    await (
      await visitor({ cookie: 'cw-locale=ar', 'accept-language': 'ar' })
    ).passwordHelp.request({
      email: person.email,
    });
    const email = await firstTo(person.email);
    assert.equal(email.subject, 'Définir un nouveau mot de passe pour Compact Workspace');
    assert.match(
      email.text,
      /Définir un nouveau mot de passe\u00a0:\nhttps:\/\/compacts\.example\.test\/reset-password\//,
    );
  });

  test('an account that never chose a language gets the forgot-password e-mail in the asking page’s language', async () => {
    const person = await buildUser(db, { email: 'forgetful.none@example.org' });
    await (await visitor({ 'accept-language': 'ar-EG,ar;q=0.9' })).passwordHelp.request({ email: person.email });
    assert.equal((await firstTo(person.email)).subject, 'تعيين كلمة مرور جديدة في Compact Workspace');
  });

  test('a reset link made by an administrator is e-mailed in the account’s language, else in English', async () => {
    const admin = await memberWithRole(db, compactId, 'admin', partyId);
    chooseLocale(admin.id, 'fr');
    const adminCaller = await callerFor(db, admin.cookie);
    const arabic = await memberWithRole(db, compactId, 'monitor', partyId);
    chooseLocale(arabic.id, 'ar');
    const unchosen = await memberWithRole(db, compactId, 'monitor', partyId);
    await adminCaller.members.passwordResetLink({ compactId, userId: arabic.id });
    await adminCaller.members.passwordResetLink({ compactId, userId: unchosen.id });
    assert.equal((await firstTo(arabic.email)).subject, 'تعيين كلمة مرور جديدة في Compact Workspace');
    assert.equal((await firstTo(unchosen.email)).subject, 'Set a new password for Compact Workspace');
  });
});
