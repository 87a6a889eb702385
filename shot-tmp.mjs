import { chromium } from '@playwright/test';
const base = process.argv[2];
const out = process.argv[3];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
await page.goto(base);
await page.getByLabel('Email').fill('negotiator@aldoria.example');
await page.getByLabel('Password').fill('compact-demo');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(/compacts/);
await page.getByRole('link', { name: /Strategic Compact/ }).first().click();
await page.getByLabel('Compact text').waitFor();
await page.getByLabel('Compact text').getByText('Protection of civilians').scrollIntoViewIfNeeded();
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
await browser.close();
