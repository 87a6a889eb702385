import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '@/db/schema/audit';
import { user } from '@/db/schema/auth';
import { getAuth } from '@/server/auth/auth';
import { LOCALE_CHANGES_PER_WINDOW } from '@/server/services/account-locale';
import { createContext } from '@/server/trpc/init';
import { createCaller } from '@/server/trpc/root';
import { buildUser, callerFor, signIn } from '../helpers/factories';
import { createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

/** A caller whose response headers can be read back, as the HTTP handler would send them. */
async function callerWithResponse(cookie: string | null, url = 'http://10.0.0.5:3000/api/trpc/account.setLocale') {
  const resHeaders = new Headers();
  const headers = new Headers(cookie ? { cookie } : {});
  const caller = createCaller(await createContext(db, headers, { url, resHeaders }));
  return { caller, cookies: () => resHeaders.getSetCookie() };
}

const localeOf = (userId: string) => db.db.select({ locale: user.locale }).from(user).where(eq(user.id, userId)).get();

describe('choosing the interface language', () => {
  test('signed in, the choice is saved on the account, audited, and remembered by a cookie for a year', async () => {
    const person = await buildUser(db);
    const { caller, cookies } = await callerWithResponse(await signIn(db, person.email));
    assert.deepEqual(await caller.account.setLocale('fr'), { locale: 'fr' });
    assert.equal(localeOf(person.id)?.locale, 'fr');
    assert.deepEqual(cookies(), ['cw-locale=fr; Path=/; Max-Age=31536000; SameSite=Lax']);
    const [event] = db.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'account.locale-changed'), eq(auditEvents.entityId, person.id)))
      .all();
    assert.equal(event?.compactId, null);
    assert.equal(event?.actorUserId, person.id);
    assert.deepEqual(event?.after, { locale: 'fr' });
  });

  test('choosing the language the account already has records nothing new', async () => {
    const person = await buildUser(db);
    const { caller } = await callerWithResponse(await signIn(db, person.email));
    await caller.account.setLocale('ar');
    await caller.account.setLocale('ar');
    const events = db.db.select().from(auditEvents).where(eq(auditEvents.entityId, person.id)).all();
    assert.equal(events.filter((event) => event.action === 'account.locale-changed').length, 1);
  });

  test('signed out, only the cookie remembers the choice', async () => {
    const before = db.db.select({ id: user.id, locale: user.locale }).from(user).all();
    const { caller, cookies } = await callerWithResponse(null);
    await caller.account.setLocale('ar');
    assert.deepEqual(cookies(), ['cw-locale=ar; Path=/; Max-Age=31536000; SameSite=Lax']);
    assert.deepEqual(db.db.select({ id: user.id, locale: user.locale }).from(user).all(), before);
  });

  test('over https the language cookie is Secure, as the session cookie is', async () => {
    const { caller, cookies } = await callerWithResponse(
      null,
      'https://compacts.example.test/api/trpc/account.setLocale',
    );
    await caller.account.setLocale('en');
    assert.deepEqual(cookies(), ['cw-locale=en; Path=/; Max-Age=31536000; SameSite=Lax; Secure']);
  });

  test('a language that is not one of the interface languages is refused, and nothing is remembered', async () => {
    const person = await buildUser(db);
    const { caller, cookies } = await callerWithResponse(await signIn(db, person.email));
    for (const bad of ['de', 'FR', 'fr-CA', '', 'x'.repeat(500)])
      await assert.rejects(
        caller.account.setLocale(bad as 'fr'),
        (error: { code?: string }) => error.code === 'BAD_REQUEST',
      );
    assert.deepEqual(cookies(), []);
    assert.equal(localeOf(person.id)?.locale, null);
  });

  test('the language survives sign-out and a fresh sign-in, and the account wins over the cookie and the browser', async () => {
    const person = await buildUser(db);
    const firstSession = await signIn(db, person.email);
    await (await callerFor(db, firstSession)).account.setLocale('fr');
    await getAuth(db).api.signOut({ headers: new Headers({ cookie: firstSession }) });
    // Signed out: the old session is refused as such (not any error at all).
    await assert.rejects((await callerFor(db, firstSession)).account.me(), { code: 'UNAUTHORIZED' });

    const secondSession = await signIn(db, person.email);
    assert.equal((await (await callerFor(db, secondSession)).account.me()).locale, 'fr');
    const otherBrowser = new Headers({ cookie: `${secondSession}; cw-locale=en`, 'accept-language': 'ar,en;q=0.5' });
    const context = await createContext(db, otherBrowser);
    assert.equal(context.locale, 'fr');
    assert.equal(context.actor?.locale, 'fr');
  });

  test('a session started before the choice reads the new language on its next request', async () => {
    const person = await buildUser(db);
    const session = await signIn(db, person.email);
    assert.equal((await (await callerFor(db, session)).account.me()).locale, null);
    await (await callerFor(db, session)).account.setLocale('ar');
    assert.equal((await createContext(db, new Headers({ cookie: session }))).locale, 'ar');
  });

  test('an account changes its language a bounded number of times an hour, so the audit chain cannot be flooded', async () => {
    const person = await buildUser(db);
    const session = await signIn(db, person.email);
    const changes = () =>
      db.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'account.locale-changed'), eq(auditEvents.entityId, person.id)))
        .all().length;
    for (let i = 0; i < LOCALE_CHANGES_PER_WINDOW; i++)
      await (await callerWithResponse(session)).caller.account.setLocale(i % 2 === 0 ? 'fr' : 'ar');
    const last = localeOf(person.id)?.locale;
    const other = last === 'fr' ? 'ar' : 'fr';

    const { caller, cookies } = await callerWithResponse(session);
    await assert.rejects(caller.account.setLocale(other), (error: { code?: string; message?: string }) => {
      assert.equal(error.code, 'TOO_MANY_REQUESTS');
      assert.match(error.message ?? '', /Too many language changes\. Try again in 60 minutes\./);
      return true;
    });
    assert.equal(localeOf(person.id)?.locale, last);
    assert.equal(changes(), LOCALE_CHANGES_PER_WINDOW);
    assert.deepEqual(cookies(), [], 'a refused choice is not remembered by the browser either');
    // Choosing the language the account already has still answers (it changes nothing).
    assert.deepEqual(await (await callerWithResponse(session)).caller.account.setLocale(last!), { locale: last });

    const someoneElse = await buildUser(db);
    await (await callerWithResponse(await signIn(db, someoneElse.email))).caller.account.setLocale(other);
    assert.equal(localeOf(someoneElse.id)?.locale, other, 'the limit is per account');
  });
});
