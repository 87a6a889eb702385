import { expect, test } from '@playwright/test';
import { expectNoCspViolations, openDemoCompactAs } from './helpers';

test('two negotiators from different parties co-edit live and see each other', async ({ browser }) => {
  const aldoria = await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  const varenia = await openDemoCompactAs(browser, 'negotiator@varenia.example');

  const people = (page: typeof aldoria) => page.getByRole('list', { name: 'People in this document' });
  await expect(people(aldoria)).toContainText('Piotr Varga');
  await expect(people(aldoria)).toContainText('Republic of Varenia');
  await expect(people(varenia)).toContainText('Jonas Mbeki');
  await expect(people(varenia)).toContainText('Government of the Republic of Aldoria');

  const aldoriaText = aldoria.getByLabel('Compact text');
  await aldoriaText.getByText('Political priorities').click();
  await aldoria.keyboard.press('End');
  await aldoria.keyboard.type(' (as proposed by Aldoria)');
  await expect(varenia.getByLabel('Compact text')).toContainText('Political priorities (as proposed by Aldoria)');

  const vareniaText = varenia.getByLabel('Compact text');
  await vareniaText.getByText('Performance expectations').click();
  await varenia.keyboard.press('End');
  await varenia.keyboard.type(' and evaluation');
  await expect(aldoriaText).toContainText('Performance expectations and evaluation');

  // Each sees the other's caret labelled with name and party.
  await expect(aldoria.locator('.remote-caret-label', { hasText: 'Piotr Varga' })).toBeVisible();
  await expect(aldoria.getByRole('group', { name: /Connection: Connected/ })).toBeVisible();
  // The editor, its carets and the collaboration WebSocket all work under the Content-Security-Policy.
  expectNoCspViolations(aldoria);
  expectNoCspViolations(varenia);
});

test('a reviewer reads the live text but cannot change it', async ({ browser }) => {
  const negotiator = await openDemoCompactAs(browser, 'negotiator@mission.example');
  const reviewer = await openDemoCompactAs(browser, 'reviewer@secretariat.example');

  await expect(reviewer.getByText('Read-only', { exact: true })).toBeVisible();
  const readerText = reviewer.getByLabel('Compact text');
  await expect(readerText).toHaveAttribute('contenteditable', 'false');

  await negotiator.getByLabel('Compact text').getByText('Consent parameters').click();
  await negotiator.keyboard.press('End');
  await negotiator.keyboard.type(' of the host State');
  await expect(readerText).toContainText('Consent parameters of the host State');

  const before = await readerText.innerText();
  await readerText.getByText('Mutual accountability').click();
  await reviewer.keyboard.type('REVIEWER WAS HERE');
  await reviewer.keyboard.press('Enter');
  await expect(readerText).not.toContainText('REVIEWER WAS HERE');
  expect(await readerText.innerText()).toBe(before);
  await expect(negotiator.getByLabel('Compact text')).not.toContainText('REVIEWER WAS HERE');
});

test('a signed-out visitor sees the sign-in form and wrong passwords are explained', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('negotiator@au.example');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'incorrect' })).toHaveText('Email or password is incorrect.');
  await page.goto('/compacts');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
