import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { CLIENT_ADDRESS_HEADER } from '@/server/auth/request-origin';
import { createContext } from '@/server/trpc/init';
import { createCaller } from '@/server/trpc/root';
import { buildCompact, buildUser, callerFor, memberWithRole, signIn, tokenOf } from '../helpers/factories';
import { mailThroughSink } from '../helpers/mail-outbox';
import { countRows, createTestDb } from '../helpers/test-db';

const PUBLIC_URL = 'https://compacts.example.test';
const db = createTestDb();
const sink = mailThroughSink(db, PUBLIC_URL);
let sequence = 0;

after(() => db.cleanup());

/** A signed-out visitor from a client address of its own (each test its own, so limits do not mix). */
async function visitor(address = `198.51.100.${++sequence}`) {
  return createCaller(await createContext(db, new Headers({ [CLIENT_ADDRESS_HEADER]: address })));
}

const linkIn = (text: string) => text.match(/https:\/\/compacts\.example\.test(\/reset-password\/\S+)/)?.[1];

describe('forgot password', () => {
  test('e-mails a reset link that sets a new password once; the old password stops working', async () => {
    const person = await buildUser(db, { email: 'forgetful@example.org' });
    const anonymous = await visitor();
    assert.deepEqual(await anonymous.passwordHelp.available(), { selfService: true });
    assert.deepEqual(await anonymous.passwordHelp.request({ email: ' Forgetful@Example.org ' }), { status: 'sent' });
    const email = await sink().waitForMessage((m) => m.to.includes(person.email));
    assert.match(email.subject, /Set a new password/);
    const path = linkIn(email.text);
    assert.ok(path, email.text);
    const token = tokenOf(path);
    assert.equal((await anonymous.account.passwordReset({ token })).email, person.email);
    await anonymous.account.resetPassword({ token, password: 'a brand new password' });
    await signIn(db, person.email, 'a brand new password');
    await assert.rejects(signIn(db, person.email));
    await assert.rejects(anonymous.account.resetPassword({ token, password: 'yet another password' }), {
      code: 'NOT_FOUND',
    });
  });

  test('answers the same for an unknown or deactivated address and e-mails nothing', async () => {
    const deactivated = await buildUser(db);
    db.sqlite.prepare('UPDATE user SET deactivated_at = ? WHERE id = ?').run(Date.now(), deactivated.id);
    const queued = countRows(db, 'email_outbox');
    const links = countRows(db, 'access_links');
    const anonymous = await visitor();
    assert.deepEqual(await anonymous.passwordHelp.request({ email: 'nobody@example.org' }), { status: 'sent' });
    assert.deepEqual(await anonymous.passwordHelp.request({ email: deactivated.email }), { status: 'sent' });
    assert.equal(countRows(db, 'email_outbox'), queued);
    assert.equal(countRows(db, 'access_links'), links);
  });

  test('a new request replaces the earlier link', async () => {
    const person = await buildUser(db);
    const anonymous = await visitor();
    await anonymous.passwordHelp.request({ email: person.email });
    const first = linkIn((await sink().waitForMessage((m) => m.to.includes(person.email))).text)!;
    await anonymous.passwordHelp.request({ email: person.email });
    await sink().waitForMessage((m) => m.to.includes(person.email) && linkIn(m.text) !== first);
    await assert.rejects(anonymous.account.passwordReset({ token: tokenOf(first) }), { code: 'NOT_FOUND' });
  });

  test('is limited per e-mail address, whether or not it has an account, and per client address', async () => {
    for (const email of ['limited@example.org', 'unknown-limited@example.org']) {
      if (email === 'limited@example.org') await buildUser(db, { email });
      for (let i = 0; i < 3; i++) await (await visitor()).passwordHelp.request({ email });
      await assert.rejects((await visitor()).passwordHelp.request({ email }), { code: 'TOO_MANY_REQUESTS' });
    }
    const busy = await visitor('203.0.113.9');
    for (let i = 0; i < 10; i++) await busy.passwordHelp.request({ email: `spray${i}@example.org` });
    await assert.rejects(busy.passwordHelp.request({ email: 'spray-more@example.org' }), {
      code: 'TOO_MANY_REQUESTS',
    });
    await (await visitor()).passwordHelp.request({ email: 'spray-more@example.org' });
  });

  test('refuses what is not an e-mail address, changing nothing', async () => {
    const queued = countRows(db, 'email_outbox');
    await assert.rejects((await visitor()).passwordHelp.request({ email: 'not an address' }), { code: 'BAD_REQUEST' });
    await assert.rejects((await visitor()).passwordHelp.request({ email: `${'a'.repeat(400)}@example.org` }), {
      code: 'BAD_REQUEST',
    });
    assert.equal(countRows(db, 'email_outbox'), queued);
  });

  test('without e-mail settings the page is told to ask an administrator and nothing is issued', async () => {
    const person = await buildUser(db);
    delete process.env.SMTP_URL;
    try {
      const anonymous = await callerFor(db, null);
      assert.deepEqual(await anonymous.passwordHelp.available(), { selfService: false });
      const links = countRows(db, 'access_links');
      assert.deepEqual(await anonymous.passwordHelp.request({ email: person.email }), { status: 'unavailable' });
      assert.equal(countRows(db, 'access_links'), links);
    } finally {
      process.env.SMTP_URL = sink().url;
    }
  });

  test("an administrator's reset link is e-mailed to the person as well as shown to copy", async () => {
    const compactId = buildCompact(db).id;
    const admin = await memberWithRole(db, compactId, 'admin');
    const member = await memberWithRole(db, compactId, 'monitor');
    const link = await admin.caller.members.passwordResetLink({ compactId, userId: member.id });
    const email = await sink().waitForMessage((m) => m.to.includes(member.email));
    assert.equal(linkIn(email.text), link.path);
    const [notice] = (await member.caller.notifications.list({ limit: 1 })).items;
    assert.equal(notice?.kind, 'password-reset');
    assert.equal(notice?.href, null, 'the bell never holds the link');
  });
});
