import { expect, test } from '@playwright/test';
import { expectNoCspViolations, openDemoCompactAs } from './helpers';

test('the monitor submits progress, the validator validates it, and the status and chart change; the reviewer cannot submit', async ({
  browser,
}) => {
  const monitor = await openDemoCompactAs(browser, 'monitor@mission.example');
  await monitor.getByRole('link', { name: 'Accountability framework' }).click();
  // The latest past quarter of POC-3 has nothing reported: its older value does not speak for it
  // (the board says it is overdue and how old the last validated value is), and it is among the
  // monitor's tasks.
  const row = monitor.getByRole('row', { name: /POC-3/ });
  await expect(row.getByText('No data')).toBeVisible();
  await expect(row).toContainText(/Overdue: last validated \d{4}-Q\d/);
  const task = monitor
    .getByRole('list', { name: 'My tasks' })
    .getByRole('link', { name: /POC-3 Joint protection team missions — \d{4}-Q\d/ })
    .first();
  const period = (await task.innerText()).split('— ')[1]!.trim();
  await task.click();
  const form = monitor.getByRole('form', { name: /POC-3/ });
  await form.getByLabel(/Value/).fill('13');
  await form.getByLabel(/By region/).fill('north=8; south=4');
  await form.getByRole('button', { name: 'Submit for validation' }).click();
  await expect(form.getByRole('alert')).toContainText('add up to 12, not to 13');
  await form.getByLabel(/By region/).fill('north=8; south=5');
  await form.getByRole('button', { name: 'Submit for validation' }).click();
  await expect(monitor.getByRole('listitem', { name: /POC-3/ }).getByText('Submitted', { exact: true })).toBeVisible();

  const validator = await openDemoCompactAs(browser, 'validator@secretariat.example');
  await validator.getByRole('link', { name: 'Accountability framework' }).click();
  await validator
    .getByRole('list', { name: 'My tasks' })
    .getByRole('link', { name: new RegExp(`POC-3 .* — ${period}`) })
    .click();
  const chart = validator.getByRole('figure', { name: /Actual, target and baseline/ });
  // The chart's data table (its text alternative): the period's row, actual then target.
  await chart.getByText('Show the data as a table').click();
  const periodRow = chart.getByRole('row', { name: new RegExp(`^${period} `) });
  await expect(periodRow).not.toContainText('13 missions');
  const submitted = validator
    .getByRole('list', { name: 'Updates' })
    .getByRole('listitem')
    .filter({ hasText: period })
    .filter({ hasText: 'Submitted' });
  await submitted.getByRole('button', { name: 'Validate' }).click();
  await expect(
    validator.getByRole('list', { name: 'Updates' }).getByRole('listitem').filter({ hasText: period }).first(),
  ).toContainText('Validated');
  await expect(periodRow.getByRole('cell').first()).toHaveText('13 missions');
  await expect(validator.locator('.page-head').getByText('At risk')).toBeVisible();
  // The framework board and the Recharts chart render under the Content-Security-Policy.
  expectNoCspViolations(monitor);
  expectNoCspViolations(validator);

  await monitor.getByRole('link', { name: 'Accountability framework' }).click();
  await expect(monitor.getByRole('row', { name: /POC-3/ }).getByText('At risk')).toBeVisible();

  const reviewer = await openDemoCompactAs(browser, 'reviewer@secretariat.example');
  await reviewer.getByRole('link', { name: 'Accountability framework' }).click();
  await reviewer.getByRole('link', { name: 'Joint protection team missions', exact: true }).click();
  await expect(reviewer.getByRole('heading', { name: 'Definition' })).toBeVisible();
  await expect(reviewer.getByRole('button', { name: 'Submit for validation' })).toHaveCount(0);
  const indicatorId = reviewer.url().split('/indicators/')[1]!;
  const compactId = reviewer.url().split('/compacts/')[1]!.split('/')[0]!;
  const attempt = await reviewer.request.post('/api/trpc/progress.saveDraft', {
    headers: { 'content-type': 'application/json', origin: new URL(reviewer.url()).origin },
    data: {
      json: {
        compactId,
        indicatorId,
        periodId: 'any',
        value: 1,
        rating: null,
        narrative: '',
        disaggregated: {},
        evidenceLinks: [],
        confidence: 'medium',
        comment: '',
      },
    },
  });
  expect(attempt.status()).toBe(403);
});
