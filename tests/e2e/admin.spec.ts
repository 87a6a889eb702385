import { expect, test } from '@playwright/test';
import { DEMO_TITLE, openDemoCompactAs } from './helpers';

test('creating a compact: the party is chosen explicitly, a double click creates one compact, and the form resets', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('admin@secretariat.example');
  await page.getByLabel('Password').fill('compact-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Administration' }).click();

  const title = `Compact for MINUSDBL ${Date.now()}`;
  const party = page.getByLabel('The party you represent in it');
  await expect(party).toHaveValue('');
  await page.getByLabel('Title', { exact: true }).fill(title);
  const create = page.getByRole('button', { name: 'Create compact' });
  await create.click();
  // Not submitted: the party must be chosen (no party is preselected).
  expect(await party.evaluate((select: HTMLSelectElement) => select.validity.valueMissing)).toBe(true);
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  await party.selectOption({ label: 'UN Secretariat' });
  await create.dblclick();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('');
  await expect(party).toHaveValue('');

  await page.getByRole('link', { name: 'My compacts' }).click();
  await expect(page.getByRole('link', { name: title })).toHaveCount(1);
});

test('an invitee reads who invited them to which compact, and accepting signs them in; the admin sees the invitation pending until then', async ({
  browser,
}) => {
  const admin = await openDemoCompactAs(browser, 'admin@secretariat.example');
  const email = `envoy.${Date.now()}@au.example`;
  await admin.getByText('Invite someone').click();
  await admin.getByLabel('Email', { exact: true }).fill(email);
  await admin.locator('select[name=partyId]').selectOption({ label: 'African Union' });
  await admin.getByRole('button', { name: 'Create invitation' }).click();
  const link = await admin.getByRole('textbox', { name: /link/i }).first().inputValue();
  expect(link).toContain('/invite/');
  await admin.getByText(/Pending invitations \(\d+\)/).click();
  const pending = admin.getByRole('list', { name: 'Pending invitations to this compact' });
  await expect(pending).toContainText(email);
  await expect(pending).toContainText('Invited by Amina Diallo (UN Secretariat)');

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee.getByText(`Amina Diallo (UN Secretariat) invited you to “${DEMO_TITLE}”`)).toBeVisible();
  await invitee.getByLabel('Your name').fill('Nadia Okafor');
  await invitee.getByLabel('Choose a password').fill('a-long-password-1');
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(invitee.getByText(/you are signed in and a member of the compact/)).toBeVisible();
  await invitee.getByRole('link', { name: 'Go to My compacts' }).click();
  await expect(invitee.getByRole('link', { name: DEMO_TITLE })).toBeVisible();
  await expect(invitee.getByText('Signed in as Nadia Okafor')).toBeAttached();
  await invitee.context().close();

  await admin.reload();
  await admin.getByText(/Pending invitations \(\d+\)/).click();
  await expect(admin.getByRole('list', { name: 'Pending invitations to this compact' })).not.toContainText(email);
});
