import { expect, test } from '@playwright/test';
import { openDemoCompactAs } from './helpers';

test('a signatory signs a named version for their party; an edit afterwards makes the sign-off stale', async ({
  browser,
}) => {
  const aldoria = await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  const name = `For signature ${Date.now()}`;
  await aldoria.getByRole('link', { name: 'History', exact: true }).click();
  await aldoria.getByText('Name the current text').click();
  await aldoria.getByLabel('Name', { exact: true }).fill(name);
  await aldoria.getByRole('button', { name: 'Name this version' }).click();
  await aldoria.getByRole('link', { name: new RegExp(name) }).click();

  await expect(aldoria.getByRole('heading', { name: 'Sign this version on behalf of ALD' })).toBeVisible();
  await aldoria.getByLabel('Reservation').check();
  await aldoria.getByLabel('Text of the statement').fill('Subject to ratification by the National Assembly.');
  await aldoria.getByRole('button', { name: 'Review and sign' }).click();
  await aldoria.getByRole('button', { name: 'Sign on behalf of ALD' }).click();
  await expect(aldoria.getByRole('status').filter({ hasText: 'ALD has signed this version.' })).toBeVisible();

  // Everyone sees it: the Mission's negotiator reads the Sign-offs card on History.
  const mission = await openDemoCompactAs(browser, 'negotiator@mission.example');
  await mission.getByRole('link', { name: 'History', exact: true }).click();
  const card = mission.getByRole('region', { name: 'Sign-offs' });
  const aldoriaRow = card.getByRole('listitem').filter({ hasText: 'ALD' }).first();
  await expect(aldoriaRow).toContainText('Signed the current text');
  await expect(aldoriaRow).toContainText('Subject to ratification');

  // The Mission edits the text: Aldoria's sign-off is now for an earlier text, with what changed since.
  await mission.getByRole('link', { name: 'Text', exact: true }).click();
  await mission.getByLabel('Compact text').getByText('This compact shall be reviewed annually').click();
  await mission.keyboard.press('End');
  await mission.keyboard.type(' Reviewed by the Mission.');
  // Once Aldoria's editor has it, it is stored (the server stores before it forwards).
  await aldoria.getByRole('link', { name: 'Text', exact: true }).click();
  await expect(aldoria.getByLabel('Compact text')).toContainText('Reviewed by the Mission.');
  await mission.getByRole('link', { name: 'History', exact: true }).click();
  await expect(aldoriaRow).toContainText('Signed an earlier text');
  await aldoriaRow.getByRole('link', { name: 'what changed since' }).click();
  await expect(mission.getByRole('article', { name: 'Redline' })).toContainText('Reviewed by the Mission.');
});
