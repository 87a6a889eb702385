import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signInAs } from './a11y-helpers';
import { DEMO_TITLE, expectCompactTextShown, watchCollabSockets } from './helpers';

/**
 * Right to left: an Arabic reader's pages are mirrored, and a compact whose text is in Arabic is
 * edited right to left by two people at once. Selectors avoid interface words (they are Arabic
 * here), except the compact's own title, which is user data.
 */

const contexts: BrowserContext[] = [];
test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

const editorOf = (page: Page) => page.locator('.compact-text[role="textbox"]');

/** Signs in as a demo account whose browser asks for Arabic (the `cw-locale` cookie) and opens the demo compact. */
async function openInArabic(browser: Browser, email: string): Promise<Page> {
  const page = await signInAs(browser, 'ar', email);
  contexts.push(page.context());
  watchCollabSockets(page);
  await page.getByRole('link', { name: DEMO_TITLE }).click();
  await expectCompactTextShown(page, 'Political priorities', editorOf(page));
  return page;
}

/** The text-language select, by its Arabic label (the interface's language switcher is another select). */
const languageSelect = (page: Page) => page.getByLabel('لغة النص', { exact: true });

test('an Arabic reader co-edits an Arabic text right to left, and remote carets stay in the editor', async ({
  browser,
}) => {
  const admin = await openInArabic(browser, 'admin@secretariat.example');
  await expect(admin.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(admin.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(editorOf(admin)).toHaveAttribute('dir', 'ltr');

  // The administrator sets the language of the text: the six UN languages, each under its own name.
  await expect(languageSelect(admin).locator('option')).toHaveText([
    'العربية',
    '中文',
    'English',
    'Français',
    'Русский',
    'Español',
  ]);
  try {
    // (Inside the try: whatever fails after the choice, the shared demo text goes back to English.)
    await languageSelect(admin).selectOption('ar');
    await expect(editorOf(admin)).toHaveAttribute('dir', 'rtl');
    await expect(editorOf(admin)).toHaveAttribute('lang', 'ar');

    const aldoria = await openInArabic(browser, 'negotiator@aldoria.example');
    const varenia = await openInArabic(browser, 'negotiator@varenia.example');
    for (const page of [aldoria, varenia]) await expect(editorOf(page)).toHaveAttribute('dir', 'rtl');

    // Each types Arabic at the start of a paragraph that reads left to right (it starts in English).
    await editorOf(aldoria).getByText('Political priorities').click();
    await aldoria.keyboard.press('Home');
    await aldoria.keyboard.type('الأولويات ');
    // (Aldoria's caret, with its name label, now sits between the two words.)
    const heading = editorOf(varenia).locator('h2', { hasText: 'الأولويات' });
    await expect(heading).toContainText('Political priorities');

    await editorOf(varenia).getByText('Performance expectations').click();
    await varenia.keyboard.press('End');
    await varenia.keyboard.type(' وتقييمها');
    await expect(editorOf(aldoria).locator('h2', { hasText: 'Performance expectations' })).toContainText('وتقييمها');

    // The heading Aldoria typed into now starts in Arabic: it finds its own direction (right to left).
    expect(await heading.evaluate((h) => getComputedStyle(h).unicodeBidi)).toBe('plaintext');

    // A look at the mirrored pages (attached to the report).
    await admin.reload();
    await expect(editorOf(admin)).toContainText('الأولويات');
    await admin.screenshot({ path: test.info().outputPath('compact-ar.png') });
    await admin.goto(admin.url().replace(/\/compacts\/([^/?#]+).*$/, '/compacts/$1/framework'));
    await expect(admin.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(admin.locator('main table').first()).toBeVisible();
    await admin.screenshot({ path: test.info().outputPath('framework-ar.png'), fullPage: true });

    // Each sees the other's caret, labelled, inside the editor's box.
    for (const [page, name] of [
      [aldoria, 'Piotr Varga'],
      [varenia, 'Jonas Mbeki'],
    ] as const) {
      const label = page.locator('.remote-caret-label', { hasText: name });
      await expect(label).toBeVisible();
      await expect(async () => {
        const box = (await editorOf(page).boundingBox())!;
        const own = (await label.boundingBox())!;
        expect(own.x).toBeGreaterThanOrEqual(box.x - 1);
        expect(own.x + own.width).toBeLessThanOrEqual(box.x + box.width + 1);
      }).toPass();
    }
  } finally {
    // The demo compact is shared with the other specs: its text goes back to English.
    await admin.goto(admin.url().replace(/\/compacts\/([^/?#]+).*$/, '/compacts/$1'));
    await languageSelect(admin).selectOption('en');
    await expect(editorOf(admin)).toHaveAttribute('dir', 'ltr');
  }
});
