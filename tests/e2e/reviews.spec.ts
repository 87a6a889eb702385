import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { trackedChanges, wordDocumentXml } from '../helpers/exported-files';
import { openDemoCompactAs } from './helpers';

test('an administrator opens a review cycle; the reviewer reads what changed, records a question and downloads the review pack with tracked changes by party', async ({
  browser,
}) => {
  const admin = await openDemoCompactAs(browser, 'admin@secretariat.example');
  const name = `Annual review ${Date.now()}`;
  await admin.getByRole('link', { name: 'Reviews', exact: true }).click();
  await admin.getByText('Open a review cycle').click();
  await admin.getByLabel('Name', { exact: true }).fill(name);
  await admin.getByLabel('Cut-off date').fill(new Date().toISOString().slice(0, 10));
  await admin.getByRole('button', { name: 'Open the review cycle' }).click();
  await expect(admin.getByRole('link', { name })).toBeVisible();

  const reviewer = await openDemoCompactAs(browser, 'reviewer@secretariat.example');
  await reviewer.getByRole('link', { name: 'Reviews', exact: true }).click();
  await reviewer.getByRole('link', { name }).click();
  await expect(reviewer.getByRole('heading', { level: 1, name })).toBeVisible();
  // The text since the first version, each change tagged with its party; every party's standing on the baseline.
  await expect(
    reviewer.getByRole('article', { name: 'Redline' }).locator('ins sup', { hasText: 'VAR' }).first(),
  ).toBeVisible();
  const signOffs = reviewer.getByRole('region', { name: 'Sign-offs' });
  await expect(signOffs.getByRole('row').filter({ hasText: 'UNSMA' })).toContainText('Signed another text');

  const about = reviewer.getByLabel('About');
  const op9 = await about.locator('option', { hasText: /^OP 9 — / }).getAttribute('value');
  await about.selectOption(op9!);
  await reviewer.getByLabel('Kind').selectOption('question');
  await reviewer.getByLabel('Text', { exact: true }).fill('Why 24 hours rather than 72?');
  await reviewer.getByRole('button', { name: 'Record' }).click();
  await expect(reviewer.getByRole('region', { name: 'Findings and questions' })).toContainText(
    'Why 24 hours rather than 72?',
  );

  const [download] = await Promise.all([
    reviewer.waitForEvent('download'),
    reviewer.getByRole('link', { name: 'Download (Word, with tracked changes)' }).click(),
  ]);
  const xml = await wordDocumentXml(fs.readFileSync(await download.path()));
  const authors = new Set(trackedChanges(xml).map((change) => change.author));
  expect([...authors]).toEqual(expect.arrayContaining(['Jonas Mbeki (ALD)', 'Piotr Varga (VAR)']));
});
