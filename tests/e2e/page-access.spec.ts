import { expect, test, type Page } from '@playwright/test';
import { DEMO_TITLE, openDemoCompactAs } from './helpers';

/** The demo compact's path, e.g. /compacts/<id>, from a page showing it. */
function compactPathOf(page: Page): string {
  return new URL(page.url()).pathname.split('/').slice(0, 3).join('/');
}

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByText('This page could not be found')).toBeVisible();
}

test('pages read through the checked procedures: signed-out visitors are sent to sign in, and what a member may not see is not found', async ({
  browser,
}) => {
  const admin = await openDemoCompactAs(browser, 'admin@secretariat.example');
  const compact = compactPathOf(admin);

  // Signed out: every page sends the visitor to the sign-in page.
  const visitor = await (await browser.newContext()).newPage();
  for (const path of ['/compacts', compact, `${compact}/framework`, `${compact}/progress`, '/admin']) {
    await visitor.goto(path);
    await expect(visitor, path).toHaveURL(/\/$/);
    await expect(visitor.getByRole('button', { name: 'Sign in' })).toBeVisible();
  }

  // An admin sees the list, the header, the edit form of an indicator; no such compact or indicator is a 404.
  await admin.goto('/compacts');
  await expect(admin.getByRole('link', { name: DEMO_TITLE })).toBeVisible();
  await expect(admin.getByRole('link', { name: 'Administration' })).toBeVisible();
  await admin.goto(`${compact}/framework`);
  await admin.getByRole('row', { name: /POC-3/ }).getByRole('link').first().click();
  await expect(admin).toHaveURL(/\/indicators\/[^/]+$/);
  const indicator = new URL(admin.url()).pathname;
  await admin.goto(`${indicator}/edit`);
  await expect(admin.getByRole('heading', { name: 'Edit: POC-3' })).toBeVisible();
  await expectNotFound(admin, `${compact}/indicators/no-such-indicator/edit`);
  await expectNotFound(admin, '/compacts/no-such-compact');
  await expectNotFound(admin, `/compacts/${'x'.repeat(100)}`);
  await expectNotFound(admin, `${compact}/progress`);

  // A reviewer: no progress entry, no new indicator, no edit form — and no administration.
  const reviewer = await openDemoCompactAs(browser, 'reviewer@secretariat.example');
  await expectNotFound(reviewer, `${compact}/progress`);
  await expectNotFound(reviewer, `${compact}/indicators/new`);
  await expectNotFound(reviewer, `${indicator}/edit`);
  await reviewer.goto('/admin');
  await expect(reviewer.getByText('Only instance administrators can see this page.')).toBeVisible();

  // A monitor enters progress; a negotiator proposes indicators.
  const monitor = await openDemoCompactAs(browser, 'monitor@mission.example');
  await monitor.goto(`${compact}/progress`);
  await expect(monitor.getByRole('heading', { name: /^Progress for / })).toBeVisible();
  const negotiator = await openDemoCompactAs(browser, 'negotiator@au.example');
  await negotiator.goto(`${compact}/indicators/new`);
  await expect(negotiator.getByRole('heading', { name: 'Propose an indicator' })).toBeVisible();
});
