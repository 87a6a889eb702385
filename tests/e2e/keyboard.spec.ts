import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_TITLE } from './helpers';

/**
 * Presses Tab (or Shift+Tab) until the wanted element has focus, as a keyboard user would, and
 * fails if it is not reached within `most` presses (a control outside the tab order).
 */
async function tabTo(page: Page, target: Locator, { most = 40, back = false } = {}) {
  for (let presses = 0; presses < most; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** Sign-in with the keyboard only: the e-mail field has focus when the page opens. */
async function signInWithKeyboard(page: Page, email: string) {
  await page.goto('/');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('compact-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'My compacts' })).toBeVisible();
}

/** From the compacts list: the skip link first, then into the list, then the compact's link. */
async function openCompactWithKeyboard(page: Page) {
  // The page's scripts have loaded (a person cannot press keys faster than that).
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  const compact = page.getByRole('link', { name: DEMO_TITLE });
  await tabTo(page, compact, { most: 10 });
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Compact text')).toContainText('Political priorities');
  await page.waitForLoadState('networkidle');
}

test('keyboard only: a negotiator signs in, opens the compact, skips to the text, types and makes it bold, and moves between toolbar, text and panels', async ({
  page,
}) => {
  await signInWithKeyboard(page, 'negotiator@mission.example');
  await openCompactWithKeyboard(page);

  // "Skip to the text" is the first stop on the compact page and puts the cursor in the editor.
  const text = page.getByLabel('Compact text');
  const skip = page.getByRole('link', { name: 'Skip to the text' });
  await tabTo(page, skip, { most: 3 });
  await page.keyboard.press('Enter');
  await expect(text).toBeFocused();

  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Typed by keyboard');
  await expect(text).toContainText('Typed by keyboard');
  for (let i = 0; i < 'Typed by keyboard'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+b');
  await expect(text.locator('strong', { hasText: 'Typed by keyboard' })).toBeVisible();
  await expect(text).toBeFocused();

  // Alt+F10 reaches the formatting toolbar (one tab stop); the arrows move inside it; Escape returns to the text.
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar.getByRole('button', { name: 'Bold', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Alt+F10');
  const focusedTool = toolbar.locator('button:focus');
  await expect(focusedTool).toHaveCount(1);
  const first = await focusedTool.getAttribute('aria-label');
  await page.keyboard.press('ArrowRight');
  await expect(focusedTool).toHaveCount(1);
  await expect(focusedTool).not.toHaveAttribute('aria-label', first!);
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(text).toBeFocused();

  // Shift+Tab from the text reaches the toolbars (one stop each); Tab from the text reaches the side panels.
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('[role="toolbar"] button:focus')).toHaveCount(1);
  await tabTo(page, text, { most: 4 });
  // Tab from the text passes its links (indicator chips beside provisions) and reaches the side panels.
  // (Inside a list Tab indents, as in a word processor: from the first line it moves on.)
  await page.keyboard.press('Control+Home');
  const firstPanelControl = page.locator('.workspace-side').locator('a, button, select, input, textarea').first();
  await tabTo(page, firstPanelControl, { most: 80 });
});

test('keyboard only: the monitor signs in, goes to progress entry, enters a value and submits it for validation', async ({
  page,
}) => {
  await signInWithKeyboard(page, 'monitor@mission.example');
  await openCompactWithKeyboard(page);

  const nav = page.getByRole('navigation', { name: DEMO_TITLE });
  await tabTo(page, nav.getByRole('link', { name: 'Enter progress' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Progress for/ })).toBeVisible();

  // The first indicator with a numeric value still open: in the period shown, or (when other tests
  // already reported it) in a later one, chosen with the arrow keys on the period select.
  const open = page
    .getByRole('listitem')
    .filter({ has: page.locator('input[name="value"]') })
    .filter({ has: page.getByRole('button', { name: 'Submit for validation' }) })
    .first();
  const periodSelect = page.getByRole('combobox', { name: 'Period' });
  for (let later = 0; later < 4 && (await open.count()) === 0; later++) {
    await tabTo(page, periodSelect, { most: 20 });
    const shown = await periodSelect.inputValue();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/period=/);
    await expect(periodSelect).not.toHaveValue(shown);
    await page.waitForLoadState('networkidle');
  }
  await expect(
    open,
    'an indicator with a numeric value still open, in the period shown or the next four',
  ).toBeVisible();
  const row = page.getByRole('listitem', { name: (await open.getAttribute('aria-label'))!, exact: true });
  const value = row.locator('input[name="value"]');
  await tabTo(page, value, { most: 80 });
  await page.keyboard.type('5');
  await expect(value).toHaveValue('5');
  await tabTo(page, row.getByRole('button', { name: 'Submit for validation' }), { most: 15 });
  await page.keyboard.press('Enter');
  await expect(row.getByText('Submitted', { exact: true })).toBeVisible();
});

test('keyboard only: a validator opens the queue, reads what was entered, selects an update and validates it with a note', async ({
  page,
}) => {
  await signInWithKeyboard(page, 'validator@secretariat.example');
  await page.waitForLoadState('networkidle');
  await tabTo(page, page.getByRole('link', { name: 'Validation queue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Validation queue' })).toBeVisible();

  // The first update this validator may decide on: its details open and close from the keyboard.
  const select = page.locator('tbody input[type="checkbox"]:not([disabled])').first();
  const name = (await select.getAttribute('aria-label'))!;
  const row = page.getByRole('row').filter({ has: page.getByRole('checkbox', { name, exact: true }) });
  const details = row.getByRole('button', { name: 'Show what was entered' });
  await tabTo(page, details, { most: 60 });
  await page.keyboard.press('Enter');
  await expect(row.getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.queue-details')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.queue-details')).toHaveCount(0);

  // Select it with Space, go back to the note, then on to the button.
  const checkbox = page.getByRole('checkbox', { name, exact: true });
  await tabTo(page, checkbox, { most: 10, back: true });
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
  const note = page.getByLabel('Note to the monitors (optional, added to each update validated)');
  await tabTo(page, note, { most: 60, back: true });
  await page.keyboard.type('Checked against the mission report.');
  // The live region is in the page before its message (one inserted with its text is often not read out).
  const status = page.getByRole('status');
  await expect(status).toHaveText('');
  await tabTo(page, page.getByRole('button', { name: 'Validate selected (1)' }), { most: 5 });
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('1 update validated.');
  await expect(page.getByRole('checkbox', { name, exact: true })).toHaveCount(0);
  // The focused button went with the decision: focus is on the first update left, not lost to the page.
  await expect(page.locator('.queue-table tbody input[type="checkbox"]:not([disabled])').first()).toBeFocused();
});

test('keyboard only: the framework is filtered by party and status from the keyboard', async ({ page }) => {
  await signInWithKeyboard(page, 'monitor@mission.example');
  await openCompactWithKeyboard(page);
  const nav = page.getByRole('navigation', { name: DEMO_TITLE });
  await tabTo(page, nav.getByRole('link', { name: 'Accountability framework' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /framework/i })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const filters = page.getByRole('group', { name: 'Filters' });
  const rows = page.locator('table.indicators tbody tr');
  const all = await rows.count();
  expect(all).toBeGreaterThan(1);

  // A closed select changes with the arrow keys, as a keyboard user would pick an option.
  const party = filters.getByRole('combobox', { name: 'Responsible party' });
  await tabTo(page, party);
  await page.keyboard.press('ArrowDown');
  await expect(party).not.toHaveValue('');
  const partyName = (await party.locator('option:checked').textContent())!;
  await expect.poll(() => rows.count()).toBeLessThan(all);
  const byParty = await rows.count();
  expect(byParty).toBeGreaterThan(0);
  expect(new Set(await rows.locator('td:nth-child(3)').allTextContents())).toEqual(new Set([partyName]));

  const status = filters.getByRole('combobox', { name: 'Status' });
  await page.keyboard.press('Tab');
  await expect(status).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(status).not.toHaveValue('');
  await expect.poll(() => rows.count()).toBeLessThan(byParty + 1);
  // Every row left has the chosen status (its chip's class names it), not only fewer rows.
  const chosen = await status.inputValue();
  await expect
    .poll(
      () => rows.locator(`td:nth-child(4) .chip:not(.chip-${chosen})`).count(),
      `rows still shown whose status is not ${chosen}`,
    )
    .toBe(0);
  await expect(rows.locator(`td:nth-child(4) .chip-${chosen}`)).toHaveCount(await rows.count());
  for (const shown of await rows.locator('td:nth-child(3)').allTextContents()) expect(shown).toBe(partyName);

  // Back to everything: Home picks the first option ("all").
  await page.keyboard.press('Home');
  await expect(status).toHaveValue('');
  await page.keyboard.press('Shift+Tab');
  await expect(party).toBeFocused();
  await page.keyboard.press('Home');
  await expect(party).toHaveValue('');
  await expect.poll(() => rows.count()).toBe(all);
});
