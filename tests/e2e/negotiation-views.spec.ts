import { expect, type Page } from '@playwright/test';
import { test } from '@playwright/test';
import { expectNoCspViolations, openDemoCompactAs } from './helpers';

const PROVISION_START = 'Contingents shall meet the';
const PHRASE = 'operational readiness standards';

/** Selects a phrase of the compact text the way a person drags over it (a DOM selection the editor reads). */
async function selectPhrase(page: Page, phrase: string) {
  const text = page.getByLabel('Compact text');
  await text.getByText(PROVISION_START).click();
  await text.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      window.getSelection()!.setBaseAndExtent(node, at, node, at + wanted.length);
      return;
    }
    throw new Error(`phrase not found: ${wanted}`);
  }, phrase);
}

test('a phrase bracketed by Aldoria shows with its code to the Mission, leaves the clean text and counts in the provisions panel', async ({
  browser,
}) => {
  const aldoria = await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  const mission = await openDemoCompactAs(browser, 'negotiator@mission.example');

  // The Mission filters the provisions panel on Aldoria's open proposals before anything changes.
  const panel = mission.getByRole('region', { name: 'Provisions' });
  await panel.getByLabel('Party').selectOption({ label: 'Government of the Republic of Aldoria (ALD)' });
  const showing = panel.getByText(/^Showing \d+ of \d+$/);
  const before = Number((await showing.innerText()).match(/^Showing (\d+)/)![1]);
  await expect(panel.getByRole('button', { name: new RegExp(PROVISION_START) })).toHaveCount(0);

  // Aldoria brackets a phrase from the negotiation toolbar.
  await selectPhrase(aldoria, PHRASE);
  const bracket = aldoria.getByRole('button', { name: 'Bracket as ALD' });
  await expect(bracket).toHaveAttribute('title', /Ctrl\+Alt\+B/);
  await expect(bracket).toBeEnabled();
  await bracket.click();
  await expect(aldoria.getByLabel('Compact text')).toContainText(`ALD[${PHRASE}]`);
  // Aldoria's cursor moves away, so its caret label (shown to the Mission) sits elsewhere in the text.
  await aldoria.getByLabel('Compact text').getByText('Political priorities').click();

  // The Mission sees it live, labelled with Aldoria's short code (not only its colour).
  const missionText = mission.getByLabel('Compact text');
  await expect(missionText).toContainText(`${PROVISION_START} ALD[${PHRASE}] verified`);

  // The provisions panel counts the provision among Aldoria's open proposals.
  await expect(panel.getByRole('button', { name: new RegExp(PROVISION_START) })).toHaveCount(1);
  await expect(showing).toHaveText(new RegExp(`^Showing ${before + 1} of \\d+$`));

  // The clean text leaves the bracketed phrase out; the negotiation text still has it.
  const cleanToggle = mission.getByRole('button', { name: 'Clean text' });
  await cleanToggle.click();
  await expect(cleanToggle).toHaveAttribute('aria-pressed', 'true');
  const clean = mission.getByRole('document', { name: 'Clean text (read-only)' });
  await expect(clean).toContainText(`${PROVISION_START} verified by the Secretariat`);
  await expect(clean).not.toContainText(PHRASE);
  await expect(clean).toContainText('2 options pending');
  await cleanToggle.click();
  await expect(cleanToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(missionText).toBeVisible();
  await expect(missionText).toContainText(`ALD[${PHRASE}]`);

  // Clicking the provision in the panel brings the editor to it.
  await panel.getByRole('button', { name: new RegExp(PROVISION_START) }).click();
  await expect(missionText).toBeFocused();

  expectNoCspViolations(aldoria);
  expectNoCspViolations(mission);
});
