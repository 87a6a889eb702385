import { expect, test, type Page } from '@playwright/test';
import { DEMO_TITLE, openDemoCompactAs } from './helpers';
import { expectNoHorizontalPageScroll } from './overflow';

test.use({ viewport: { width: 390, height: 844 } });

async function signInOnPhone(page: Page, email: string) {
  await page.goto('/');
  await expectNoHorizontalPageScroll(page, 'the sign-in page');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('compact-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: DEMO_TITLE })).toBeVisible();
}

async function openFromMenu(page: Page, link: string) {
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
}

async function visit(page: Page, path: string, heading: RegExp | string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeInViewport();
  await expectNoHorizontalPageScroll(page, path);
}

test('at 390×844 every page fits the screen: the header folds into a menu, the toolbar wraps, tables scroll inside themselves', async ({
  page,
  browser,
}) => {
  await signInOnPhone(page, 'admin@secretariat.example');
  await expectNoHorizontalPageScroll(page, 'the compacts list');
  // Escape closes the menu from a link inside it, and the focus goes back to the Menu button.
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await openFromMenu(page, 'Administration');
  await expectNoHorizontalPageScroll(page, 'administration');
  await expect(page.getByRole('button', { name: 'Create compact' })).toBeVisible();
  await openFromMenu(page, 'My compacts');

  // Others are in the document: the people list must fit too.
  await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  await openDemoCompactAs(browser, 'negotiator@varenia.example');
  await page.getByRole('link', { name: DEMO_TITLE }).click();
  await expect(page.getByRole('list', { name: 'People in this document' })).toContainText('Piotr Varga');
  const text = page.getByLabel('Compact text');
  await expect(text).toContainText('Political priorities');
  await expectNoHorizontalPageScroll(page, 'the compact text');
  // The formatting toolbar wraps onto lines instead of running off the screen.
  for (const control of ['Bold', 'Italic', 'Bulleted list', 'Redo']) {
    await expect(page.getByRole('button', { name: control, exact: true })).toBeInViewport();
  }
  const compactPath = new URL(page.url()).pathname;

  await visit(page, `${compactPath}/framework`, 'Accountability framework');
  // The board's table scrolls inside itself; its links stay reachable.
  await page.getByRole('row', { name: /POC-3/ }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Joint protection team missions');
  await expectNoHorizontalPageScroll(page, 'an indicator page');
  await visit(page, `${compactPath}/framework`, 'Accountability framework');
  await page.locator('a[href*="/scorecard/"]').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  await expectNoHorizontalPageScroll(page, 'a party scorecard');

  await visit(page, `${compactPath}/history`, 'History');
  // A named version (its facts and content hash wrap) and the comparison with the current text.
  await page.locator(`main a[href^="${compactPath}/history/"]:not([href*="compare"])`).first().click();
  await expect(page.getByText('Content hash', { exact: false }).first()).toBeVisible();
  await expectNoHorizontalPageScroll(page, 'a version page');
  await page.goto(`${compactPath}/history`);
  await page.locator(`main a[href*="/history/compare"]`).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  await expectNoHorizontalPageScroll(page, 'the comparison');
  await visit(page, `${compactPath}/reviews`, 'Review cycles');
  await visit(page, `${compactPath}/audit`, 'Audit log');
  await visit(page, '/admin/audit', /audit log/i);
  // The notifications and e-mail choices, reached from the bell (which stays outside the menu).
  await page.getByRole('link', { name: /Notifications, \d+ unread/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeInViewport();
  await expectNoHorizontalPageScroll(page, 'the notifications');
  await visit(page, '/account/notifications', 'E-mail notifications');
});

test('at 390×844 the validation queue and the forgot-password page fit the screen', async ({ page }) => {
  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  await expectNoHorizontalPageScroll(page, 'the forgot-password page');
  await signInOnPhone(page, 'validator@secretariat.example');
  await openFromMenu(page, 'Validation queue');
  await expect(page.getByRole('heading', { level: 1, name: 'Validation queue' })).toBeInViewport();
  await expectNoHorizontalPageScroll(page, 'the validation queue');
  await expect(page.getByRole('button', { name: /Validate selected/ })).toBeVisible();
});

test('at 390×844 a monitor reaches the progress grid and its form fields from the compact menu', async ({ page }) => {
  await signInOnPhone(page, 'monitor@mission.example');
  await page.getByRole('link', { name: DEMO_TITLE }).click();
  const nav = page.getByRole('navigation', { name: DEMO_TITLE });
  await nav.getByRole('link', { name: 'Enter progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Progress for/ })).toBeInViewport();
  await expectNoHorizontalPageScroll(page, 'the progress grid');
  // The running quarter always has forms open, whatever earlier tests reported.
  const today = new Date();
  const period = `${today.getUTCFullYear()}-Q${Math.floor(today.getUTCMonth() / 3) + 1}`;
  await page.getByLabel('Period').selectOption({ label: period });
  await expect(page.getByRole('heading', { level: 1, name: `Progress for ${period}` })).toBeInViewport();
  await expectNoHorizontalPageScroll(page, 'the progress grid of the running quarter');
  await expect(page.getByRole('button', { name: 'Submit for validation' }).first()).toBeVisible();
});
