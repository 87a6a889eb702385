import { expect, test } from '@playwright/test';

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
