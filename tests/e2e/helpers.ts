import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_TITLE = 'Strategic Compact for the UN Stabilization Mission in Aldoria';

/** Signs in as a demo account in a fresh browser context and opens the demo compact. */
export async function openDemoCompactAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('compact-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: DEMO_TITLE }).click();
  await expect(page.getByLabel('Compact text')).toContainText('Political priorities');
  return page;
}
