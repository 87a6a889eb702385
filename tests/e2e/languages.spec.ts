import { expect, test, type Page } from '@playwright/test';
import { catalogue, englishLeftOn } from './english-leftovers';
import { DEMO_TITLE, expectCompactTextShown, watchCollabSockets } from './helpers';

type Messages = ReturnType<typeof catalogue> & {
  signIn: { email: string; password: string; submit: string };
  nav: { framework: string };
};

/** User data (the demo's party names, text other specs typed): written in English whatever the reader's language. */
const PARTY_NAMES = [
  'Government of the Republic of Aldoria',
  'UN Secretariat',
  'UN Stabilization Mission in Aldoria',
  'Republic of Varenia',
  'African Union',
  // A reply typed by comments.spec.ts, which runs earlier on the same database.
  'All parties’ — see OP 4.',
];

async function expectNoEnglish(page: Page, locale: string, where: string) {
  await page.waitForLoadState('networkidle');
  expect(await englishLeftOn(page, locale, PARTY_NAMES), `English left on ${where}`).toEqual([]);
}

/** A delegate whose browser asks for `locale` signs in, opens the demo compact and its framework. */
async function journey(page: Page, locale: 'fr' | 'ar') {
  const messages = catalogue(locale) as Messages;
  watchCollabSockets(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  await expectNoEnglish(page, locale, 'the sign-in page');

  await page.getByLabel(messages.signIn.email).fill('monitor@mission.example');
  await page.getByLabel(messages.signIn.password).fill('compact-demo');
  await page.getByRole('button', { name: messages.signIn.submit }).click();
  await page.getByRole('link', { name: DEMO_TITLE }).click();
  await expectCompactTextShown(page, 'Political priorities', page.locator('.ProseMirror'));
  await expectNoEnglish(page, locale, 'the compact page');

  await page.getByRole('link', { name: messages.nav.framework }).click();
  await page.waitForURL(/\/framework$/);
  await expect(page.getByRole('row', { name: /POC-3/ })).toBeVisible();
  await expectNoEnglish(page, locale, 'the framework');
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
}

test('a French delegate signs in, opens the compact and its framework, and reads no English', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    await journey(await context.newPage(), 'fr');
  } finally {
    // A page left open would keep its collaboration connection through the later spec files.
    await context.close();
  }
});

test('an Arabic delegate reads every page right to left, in Arabic, with no English', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ar-EG' });
  try {
    await journey(await context.newPage(), 'ar');
  } finally {
    // A page left open would keep its collaboration connection through the later spec files.
    await context.close();
  }
});
