import { expect, test, type Page } from '@playwright/test';
import { openDemoCompactAs } from './helpers';

const PROVISION_TEXT = 'The Government bears the primary responsibility to protect civilians throughout its territory.';

/** What Word puts on the clipboard (shortened): a table, a bulleted list with a nested numbered item, a picture, a comment. */
const WORD_TABLE_AND_LIST = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=EN-GB><!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>
 <tr><td width=200 valign=top><p class=MsoNormal><b>Task<o:p></o:p></b></p></td><td width=200 valign=top><p class=MsoNormal><b>Lead<o:p></o:p></b></p></td></tr>
 <tr><td width=200 valign=top><p class=MsoNormal>Disarmament<o:p></o:p></p></td><td width=200 valign=top><p class=MsoNormal>Mission<o:p></o:p></p></td></tr>
</table>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Police reform<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp; </span></span></span><![endif]>Vetting of officers<o:p></o:p></p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Picture_x0020_1" type="#_x0000_t75"><v:imagedata src="file:///C:/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=100 height=50 src="file:///C:/clip_image002.png" v:shapes="Picture_x0020_1"><![endif]>Caption<a class=msocomanchor id="_anchor_1" href="#_msocom_1">[A1]</a></p>
<div style='mso-element:comment-list'><div style='mso-element:comment'><p class=MsoCommentText>Check with capitals</p></div></div>
<!--EndFragment--></body></html>`;

const WORD_WITH_HEADING = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->
<h2>Transition<o:p></o:p></h2>
<p class=MsoNormal>The Mission shall plan its drawdown with the Government.<o:p></o:p></p>
<p class=MsoNormal>Benchmarks shall be reviewed every six months.<o:p></o:p></p>
<!--EndFragment--></body></html>`;

/** Pastes HTML into the editor at the cursor, as the browser does for Ctrl+V from Word. */
async function pasteHtml(page: Page, html: string) {
  await page.getByLabel('Compact text').evaluate((editor, content) => {
    const data = new DataTransfer();
    data.setData('text/html', content);
    data.setData('text/plain', 'plain fallback');
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function cursorAtEndOf(page: Page, text: string) {
  await page.getByLabel('Compact text').getByText(text).click();
  await page.keyboard.press('End');
}

test('a table, a nested list and a picture pasted from Word: the table and lists are kept, the picture and comment left out with a notice, and the other negotiator sees the table', async ({
  browser,
}) => {
  const mission = await openDemoCompactAs(browser, 'negotiator@mission.example');
  const aldoria = await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  await cursorAtEndOf(mission, PROVISION_TEXT);
  await pasteHtml(mission, WORD_TABLE_AND_LIST);

  const text = mission.getByLabel('Compact text');
  const provision = text.locator('[data-provision]', { hasText: PROVISION_TEXT });
  await expect(provision.locator('table tr')).toHaveCount(2);
  await expect(provision.locator('table td', { hasText: 'Disarmament' })).toBeVisible();
  await expect(provision.locator('ul > li', { hasText: 'Police reform' })).toBeVisible();
  await expect(provision.locator('ul > li ol > li', { hasText: 'Vetting of officers' })).toBeVisible();
  // (In the pasted provision: carets of other open browsers carry "·" in their labels.)
  await expect(provision).not.toContainText('·');
  await expect(text).not.toContainText('Check with capitals');
  await expect(text).not.toContainText('[A1]');
  // (ProseMirror's own `img.ProseMirror-separator` beside widget decorations is not content.)
  await expect(text.locator('img:not(.ProseMirror-separator)')).toHaveCount(0);
  await expect(mission.getByRole('status').filter({ hasText: 'Left out of the pasted text' })).toHaveText(
    /Left out of the pasted text: Word comments and images\./,
  );

  await expect(
    aldoria.getByLabel('Compact text').locator('[data-provision]', { hasText: PROVISION_TEXT }).locator('table td', {
      hasText: 'Disarmament',
    }),
  ).toBeVisible();

  await mission.getByRole('button', { name: 'Dismiss the paste notice' }).click();
  await expect(mission.getByRole('status').filter({ hasText: 'Left out of the pasted text' })).toHaveCount(0);
});

test('a Word heading pasted at the end of a provision starts a section with one provision per paragraph', async ({
  browser,
}) => {
  const mission = await openDemoCompactAs(browser, 'negotiator@mission.example');
  await cursorAtEndOf(mission, PROVISION_TEXT);
  await pasteHtml(mission, WORD_WITH_HEADING);
  const text = mission.getByLabel('Compact text');
  await expect(text.getByRole('heading', { name: 'Transition', level: 2 })).toBeVisible();
  await expect(text.locator('[data-provision]', { hasText: 'plan its drawdown' })).toHaveCount(1);
  await expect(text.locator('[data-provision]', { hasText: 'Benchmarks shall be reviewed' })).toHaveCount(1);
  await expect(text.locator('[data-provision]', { hasText: PROVISION_TEXT })).not.toContainText('Transition');
});

test('the toolbar inserts a 3×3 table with a header row in a provision, adds and deletes rows and columns, and deletes it; strikethrough, underline and quote show their state', async ({
  browser,
}) => {
  const page = await openDemoCompactAs(browser, 'negotiator@varenia.example');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  const addRow = toolbar.getByRole('button', { name: 'Add row below' });
  await expect(addRow).toBeDisabled();

  await cursorAtEndOf(page, PROVISION_TEXT);
  await toolbar.getByRole('button', { name: 'Insert table (3 × 3 with a header row)' }).click();
  const table = page
    .getByLabel('Compact text')
    .locator('[data-provision]', { hasText: PROVISION_TEXT })
    .locator('table');
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await expect(addRow).toBeEnabled();
  await addRow.click();
  await expect(table.locator('tr')).toHaveCount(4);
  await toolbar.getByRole('button', { name: 'Add column to the right' }).click();
  await expect(table.locator('tr').first().locator('th')).toHaveCount(4);
  await toolbar.getByRole('button', { name: 'Delete column' }).click();
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await toolbar.getByRole('button', { name: 'Delete row' }).click();
  await expect(table.locator('tr')).toHaveCount(3);
  await toolbar.getByRole('button', { name: 'Delete table' }).click();
  await expect(table).toHaveCount(0);

  await cursorAtEndOf(page, PROVISION_TEXT);
  for (const name of ['Strikethrough', 'Underline', 'Quote']) {
    const button = toolbar.getByRole('button', { name });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'false');
  }
  await expect(toolbar.getByRole('button', { name: 'Strikethrough' })).toHaveAttribute(
    'title',
    'Strikethrough (Ctrl+Shift+S)',
  );
});
