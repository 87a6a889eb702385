import { expect, test, type Page } from '@playwright/test';
import { openDemoCompactAs } from './helpers';

const people = (page: Page) => page.getByRole('list', { name: 'People in this document' });

/** A second tab of the same signed-in browser (same session), on the same compact. */
async function secondTab(first: Page): Promise<Page> {
  const tab = await first.context().newPage();
  await tab.goto(first.url());
  await expect(tab.getByLabel('Compact text')).toContainText('Political priorities');
  return tab;
}

test('a person with two tabs is listed once, as “you” with “2 tabs” to themselves and with “2 tabs” to others; their other tab’s caret says “You (other tab)”', async ({
  browser,
}) => {
  // Earlier specs leave their browsers open (Jonas's tabs among them): this one counts tabs from a clean slate.
  for (const context of browser.contexts()) await context.close();
  const aldoria = await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  const aldoriaTab2 = await secondTab(aldoria);
  const varenia = await openDemoCompactAs(browser, 'negotiator@varenia.example');

  // The viewer: one line, marked "(you)", two tabs; Varenia's negotiator once.
  const mine = people(aldoria).getByRole('listitem').filter({ hasText: 'Jonas Mbeki' });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('(you)');
  await expect(mine).toContainText('2 tabs');
  await expect(people(aldoria).getByRole('listitem')).toHaveCount(2);

  // Someone else sees Jonas once, with his two tabs, not as two people.
  const jonasSeenByVarenia = people(varenia).getByRole('listitem').filter({ hasText: 'Jonas Mbeki' });
  await expect(jonasSeenByVarenia).toHaveCount(1);
  await expect(jonasSeenByVarenia).toContainText('2 tabs');
  await expect(jonasSeenByVarenia).not.toContainText('(you)');

  // A caret placed in the second tab is labelled as the viewer's own in the first tab, as Jonas elsewhere.
  await aldoriaTab2.getByLabel('Compact text').getByText('Political priorities').click();
  await expect(aldoria.locator('.remote-caret-label', { hasText: 'You (other tab)' })).toBeVisible();
  await expect(aldoria.locator('.remote-caret-label', { hasText: 'Jonas Mbeki' })).toHaveCount(0);
  await expect(varenia.locator('.remote-caret-label', { hasText: 'Jonas Mbeki' })).toBeVisible();

  // Closing the second tab: back to one line without a tab count.
  await aldoriaTab2.close();
  await expect(mine).not.toContainText('tabs');
  await expect(jonasSeenByVarenia).not.toContainText('tabs');
});
