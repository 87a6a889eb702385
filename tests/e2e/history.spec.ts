import { expect, test, type Page } from '@playwright/test';
import { openDemoCompactAs } from './helpers';

/** Opens one of the compact's own pages (History, Audit log) from its navigation. */
async function openCompactPage(page: Page, link: string) {
  await page.getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: link })).toBeVisible();
}

/** Types at the end of the block holding `words`, as a person would, and waits until the other editor shows it. */
async function typeAfter(page: Page, words: string, typed: string, other: Page) {
  await page.getByLabel('Compact text').getByText(words).click();
  await page.keyboard.press('End');
  await page.keyboard.type(typed);
  await expect(other.getByLabel('Compact text')).toContainText(typed.trim());
}

test('a named version, edits by two parties, a compare that credits each change to its party, a restore by the administrator; the audit log verifies', async ({
  browser,
}) => {
  const aldoria = await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  const mission = await openDemoCompactAs(browser, 'negotiator@mission.example');
  const name = `Zero draft ${Date.now()}`;

  // Aldoria's negotiator names the current text.
  await openCompactPage(aldoria, 'History');
  await aldoria.getByText('Name the current text').click();
  await aldoria.getByLabel('Name', { exact: true }).fill(name);
  await aldoria.getByLabel('Document symbol (optional)').fill('S/2027/123');
  await aldoria.getByRole('button', { name: 'Name this version' }).click();
  await expect(aldoria.getByRole('status').filter({ hasText: `“${name}” made` })).toBeVisible();
  await expect(aldoria.getByRole('link', { name: new RegExp(name) })).toBeVisible();

  // Both parties edit after it.
  await aldoria.getByRole('link', { name: 'Text', exact: true }).click();
  await expect(aldoria.getByLabel('Compact text')).toContainText('Political priorities');
  await typeAfter(aldoria, 'This compact shall be reviewed annually', ' Aldoria adds this.', mission);
  await typeAfter(mission, 'Protection of civilians: roles', ' Mission adds that', aldoria);

  // The Mission compares the named version with the current text.
  await openCompactPage(mission, 'History');
  await mission.getByLabel(`Compare from ${name}`).check();
  await mission.getByRole('link', { name: 'Compare', exact: true }).click();
  await expect(mission.getByRole('heading', { name: 'Provisions changed' })).toBeVisible();
  const redline = mission.getByRole('article', { name: 'Redline' });
  const aldoriaInsertion = redline.locator('ins', { hasText: 'Aldoria adds this.' });
  await expect(aldoriaInsertion).toContainText('Insertion by Jonas Mbeki (ALD)');
  await expect(aldoriaInsertion.locator('sup')).toHaveText('ALD');
  const missionInsertion = redline.locator('ins', { hasText: 'Mission adds that' });
  await expect(missionInsertion.locator('sup')).toHaveText('UNSMA');
  const summaryRow = mission.getByRole('row').filter({ hasText: 'This compact shall be reviewed annually' });
  await expect(summaryRow).toContainText('words changed');
  await expect(summaryRow).toContainText('Jonas Mbeki (ALD)');

  // Change to change by keyboard (from the change navigation): the first change is focused and announced.
  await mission.getByRole('button', { name: 'Next change' }).focus();
  await mission.keyboard.press('n');
  await expect(redline.locator('.rl-change').first()).toBeFocused();
  await expect(mission.getByRole('status').filter({ hasText: /^Change 1 of \d+:/ })).toBeAttached();

  // The administrator restores the named version: both parties' words leave everyone's text, as the administrator's edit.
  const admin = await openDemoCompactAs(browser, 'admin@secretariat.example');
  await openCompactPage(admin, 'History');
  await admin.getByRole('link', { name: new RegExp(name) }).click();
  await admin.getByRole('button', { name: 'Restore this version…' }).click();
  await admin.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(
    admin.getByRole('status').filter({ hasText: 'restored: the current text is this version’s text again' }),
  ).toBeVisible();
  await aldoria.getByRole('link', { name: 'Text', exact: true }).click();
  await expect(aldoria.getByLabel('Compact text')).toContainText('This compact shall be reviewed annually');
  await expect(aldoria.getByLabel('Compact text')).not.toContainText('Aldoria adds this.');
  await expect(aldoria.getByLabel('Compact text')).not.toContainText('Mission adds that');

  // A reviewer opens the audit log: the chain verifies, and the version's event is there.
  const reviewer = await openDemoCompactAs(browser, 'reviewer@secretariat.example');
  await openCompactPage(reviewer, 'Audit log');
  await expect(reviewer.getByRole('status').filter({ hasText: /^Verified: all \d+ events/ })).toBeVisible();
  await reviewer.getByLabel('Action', { exact: true }).selectOption('version.created');
  await expect(reviewer.getByRole('table', { name: 'Audit events, newest first' })).toContainText('version.created');
  await reviewer.getByLabel('Action', { exact: true }).selectOption('version.restored');
  await expect(reviewer.getByRole('table', { name: 'Audit events, newest first' })).toContainText('Amina Diallo');
});
