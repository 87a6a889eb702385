import { expect, test } from '@playwright/test';
import { DEMO_TITLE, openDemoCompactAs } from './helpers';
import { waitForEmail } from './mail';

test('a monitor reports a quarter from the grid with a file and a comment; the validator sees them in the queue and validates with a note; the monitor is e-mailed', async ({
  browser,
}) => {
  const monitor = await openDemoCompactAs(browser, 'monitor@mission.example');
  await monitor.getByRole('navigation', { name: DEMO_TITLE }).getByRole('link', { name: 'Enter progress' }).click();
  // The running quarter (the demo's calendar is quarterly): nothing is reported for it yet.
  const today = new Date();
  const period = `${today.getUTCFullYear()}-Q${Math.floor(today.getUTCMonth() / 3) + 1}`;
  await expect(monitor.getByRole('heading', { level: 1, name: /Progress for/ })).toBeVisible();
  await monitor.getByLabel('Period').selectOption({ label: period });
  await expect(monitor.getByRole('heading', { level: 1, name: `Progress for ${period}` })).toBeVisible();

  const row = monitor.getByRole('listitem', { name: /POC-3/ });
  // The row shows the period's target and the previous validated value beside the form.
  await expect(row).toContainText(new RegExp(`(Target|No target) for ${period}`));
  await expect(row).toContainText('Previous validated value');
  await row.getByLabel(/Value/).fill('14');
  await row.getByLabel('Narrative').fill('Fourteen joint missions, two in the north-east.');
  await row.getByLabel('Comment').fill('Mission logs attached.');
  await row.getByRole('button', { name: 'Save draft' }).click();
  await row.getByLabel('Upload a file').setInputFiles({
    name: 'patrol-log.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% joint protection team missions\n%%EOF\n'),
  });
  await expect(row.getByRole('link', { name: 'patrol-log.pdf' })).toBeVisible();
  await row.getByRole('button', { name: 'Submit for validation' }).click();
  await expect(row.getByText('Submitted', { exact: true })).toBeVisible();

  const validator = await openDemoCompactAs(browser, 'validator@secretariat.example');
  await validator.getByRole('link', { name: 'Validation queue' }).click();
  await expect(validator.getByRole('heading', { level: 1, name: 'Validation queue' })).toBeVisible();
  const queued = validator.getByRole('row').filter({ hasText: 'POC-3' }).filter({ hasText: period });
  await queued.getByRole('button', { name: 'Show what was entered' }).click();
  // Everything the monitor entered is in front of the validator before deciding.
  const entered = validator.locator('.queue-details');
  await expect(entered).toContainText('Fourteen joint missions, two in the north-east.');
  await expect(entered).toContainText('Mission logs attached.');
  await expect(entered.getByRole('link', { name: 'patrol-log.pdf' })).toBeVisible();
  await validator.getByLabel(`Select POC-3 ${period} for validation`).check();
  await validator.getByLabel(/Note to the monitors/).fill('Checked against the patrol log.');
  await validator.getByRole('button', { name: 'Validate selected (1)' }).click();
  await expect(validator.getByRole('row').filter({ hasText: 'POC-3' }).filter({ hasText: period })).toHaveCount(0);

  // The monitor hears of it by e-mail (a real SMTP server received it) and sees the note on the grid.
  const email = await waitForEmail('monitor@mission.example', new RegExp(`^POC-3 ${period}: progress validated`));
  expect(email.text).toContain('Note from the validator: Checked against the patrol log.');
  expect(email.text).toMatch(/http:\/\/localhost:\d+\/compacts\/[\w-]+\/indicators\//);
  await monitor.reload();
  await expect(row.getByText('Validated', { exact: true })).toBeVisible();
  await expect(row).toContainText('Checked against the patrol log.');
  // And in the bell.
  await expect(monitor.getByRole('link', { name: /Notifications, [1-9]\d* unread/ })).toBeVisible();
});

test('a stale indicator reads overdue on the framework board and on its party scorecard', async ({ browser }) => {
  const page = await openDemoCompactAs(browser, 'reviewer@secretariat.example');
  await page.getByRole('link', { name: 'Accountability framework' }).click();
  const boardRow = page.getByRole('row', { name: /AU-1/ });
  await expect(boardRow.getByText('No data')).toBeVisible();
  await expect(boardRow).toContainText(/Overdue: last validated \d{4}-Q\d/);
  await page.getByRole('link', { name: 'African Union', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Scorecard: African Union/ })).toBeVisible();
  const scoreRow = page.getByRole('row', { name: /AU-1/ });
  await expect(scoreRow.getByText('No data').first()).toBeVisible();
  await expect(scoreRow).toContainText(/Overdue: last validated \d{4}-Q\d/);
});
