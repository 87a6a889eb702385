import { expect, test } from '@playwright/test';
import { openDemoCompactAs } from './helpers';

test('offline edits are flagged as unsynced and reach the others once the connection is back', async ({ browser }) => {
  const writer = await openDemoCompactAs(browser, 'negotiator@au.example');
  const reader = await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  const status = writer.getByRole('group', { name: /Connection:/ });
  await expect(status).toHaveText('Connected');

  await writer.context().setOffline(true);
  await writer.getByLabel('Compact text').getByText('Mutual accountability').click();
  await writer.keyboard.press('End');
  await writer.keyboard.type(' (offline draft)');
  await expect(status).toContainText('Offline, with unsynced changes');
  await expect(reader.getByLabel('Compact text')).not.toContainText('(offline draft)');

  await writer.context().setOffline(false);
  await expect(status).toHaveText('Connected', { timeout: 30_000 });
  await expect(reader.getByLabel('Compact text')).toContainText('Mutual accountability and review (offline draft)');
});
