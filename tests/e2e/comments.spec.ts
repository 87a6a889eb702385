import { expect, test, type Page } from '@playwright/test';
import { expectNoCspViolations, openDemoCompactAs } from './helpers';

/**
 * Selects `phrase` in the compact text, as a person dragging over it would — or, with `caret`,
 * puts the caret just before it.
 */
async function selectPhrase(page: Page, phrase: string, caret = false) {
  await page.getByLabel('Compact text').evaluate(
    (root, [wanted, collapsed]) => {
      (root as HTMLElement).focus();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent?.indexOf(wanted) ?? -1;
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, collapsed ? index : index + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in the text`);
    },
    [phrase, caret] as const,
  );
}

const threads = (page: Page) => page.getByRole('list', { name: 'Comment threads' });
const highlight = (page: Page) => page.getByLabel('Compact text').locator('.comment-anchor');
/** The highlight on `phrase` (the demo text holds other threads' highlights too). */
const highlightOn = (page: Page, phrase: string) => highlight(page).filter({ hasText: phrase });

test('a comment thread follows its phrase through a concurrent edit by another browser', async ({ browser }) => {
  const aldoria = await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  const mission = await openDemoCompactAs(browser, 'negotiator@mission.example');

  await selectPhrase(aldoria, 'mutual accountabilities');
  await aldoria.getByRole('button', { name: 'Comment', exact: true }).click();
  const form = aldoria.getByRole('form', { name: 'New comment' });
  await expect(form).toContainText('mutual accountabilities');
  await form.getByLabel('Your comment').fill('Whose accountabilities, exactly?');
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(threads(aldoria)).toContainText('Whose accountabilities, exactly?');
  await expect(highlightOn(aldoria, 'mutual accountabilities')).toHaveText('mutual accountabilities');

  // The Mission sees the thread (refreshed within seconds) with Aldoria's code, highlighted in its text.
  await expect(threads(mission)).toContainText('Whose accountabilities, exactly?');
  await expect(threads(mission)).toContainText('ALD');
  await expect(highlightOn(mission, 'mutual accountabilities')).toHaveText('mutual accountabilities');

  // The Mission types before the phrase, in the same paragraph: both highlights stay on the phrase.
  await selectPhrase(mission, 'Agree on the following shared priorities', true);
  await mission.keyboard.type('Accordingly, they ');
  await expect(aldoria.getByLabel('Compact text')).toContainText('Accordingly, they '); // (the Mission's caret label follows it)
  await expect(highlightOn(aldoria, 'mutual accountabilities')).toHaveText('mutual accountabilities');
  await expect(highlightOn(mission, 'mutual accountabilities')).toHaveText('mutual accountabilities');

  // Clicking the thread shows its words in the text; the Mission replies.
  await threads(mission).getByRole('button', { name: 'Show “mutual accountabilities” in the text' }).click();
  await expect(mission.getByLabel('Compact text').locator('.comment-anchor.active')).toHaveText(
    'mutual accountabilities',
  );
  const thread = threads(mission).getByRole('article', { name: 'On “mutual accountabilities”' });
  await thread.getByLabel('Reply to this thread').fill('All parties’ — see OP 4.');
  await thread.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(threads(aldoria)).toContainText('All parties’ — see OP 4.');
  expectNoCspViolations(aldoria);
  expectNoCspViolations(mission);
});

test('a reviewer comments for their delegation only: colleagues see it, other parties never do', async ({
  browser,
}) => {
  const reviewer = await openDemoCompactAs(browser, 'reviewer@secretariat.example');
  await expect(reviewer.getByLabel('Compact text')).toHaveAttribute('contenteditable', 'false');
  await selectPhrase(reviewer, 'Status of Forces Agreement');
  await reviewer.keyboard.press('Control+Alt+m');
  const form = reviewer.getByRole('form', { name: 'New comment' });
  await form.getByLabel(/My delegation only/).check();
  await form.getByLabel('Your comment').fill('Check the SOFA date with OLA.');
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(threads(reviewer)).toContainText('Delegation only');
  await expect(threads(reviewer)).toContainText('Check the SOFA date with OLA.');

  const colleague = await openDemoCompactAs(browser, 'admin@secretariat.example');
  await expect(threads(colleague)).toContainText('Check the SOFA date with OLA.');

  const aldoria = await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  await expect(aldoria.getByRole('heading', { name: 'Comments' })).toBeVisible();
  await aldoria.waitForResponse((response) => response.url().includes('comments.list') && response.ok());
  await expect(aldoria.getByText('Check the SOFA date with OLA.')).toHaveCount(0);
  await expect(highlight(aldoria).filter({ hasText: 'Status of Forces Agreement' })).toHaveCount(0);
});
