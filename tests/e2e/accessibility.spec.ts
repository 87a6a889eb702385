import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_TITLE, openDemoCompactAs } from './helpers';
import { a11yContext, expectNoPageOverflow, signInAs } from './a11y-helpers';
import { waitForEmail } from './mail';

const LANGUAGES = ['en', 'fr', 'ar'] as const;
type Language = (typeof LANGUAGES)[number];
/** WCAG 2.0, 2.1 and 2.2 level A and AA rules (axe-core's tags). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is and returns its violations of any impact (the issue asks for no
 * serious or critical one; none of the lesser ones is accepted either), each with the
 * rule, its impact, its help text and the elements it found, ready to print for a developer.
 */
async function wcagViolations(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations.map((violation) => {
    const targets = violation.nodes.slice(0, 8).map((node) => `      ${node.target.join(' ')}`);
    return `${where}: ${violation.id} (${violation.impact}) ${violation.help}\n${targets.join('\n')}`;
  });
}

/** One page load: the page in the reader's language and direction, then its scan. */
async function scanPage(page: Page, language: Language, path: string, found: string[], ready?: () => Promise<void>) {
  await page.goto(path);
  await expect(page.locator('h1').first()).toBeVisible();
  await ready?.();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
  found.push(...(await wcagViolations(page, `${language} ${path}`)));
}

async function hrefOf(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute('href');
  expect(href, `a link matching ${selector}`).toBeTruthy();
  return href!;
}

let invitePath = '';
let resetPath = '';

/**
 * What the scans need and the demo lacks, made once in English: a review cycle, a pending
 * invitation and a password-reset link.
 */
test.beforeAll(async ({ browser }) => {
  const admin = await signInAs(browser, 'en', 'admin@secretariat.example');
  const compact = await hrefOf(admin, `a:text-is("${DEMO_TITLE}")`);
  await admin.goto(`${compact}/reviews`);
  if ((await admin.locator(`main a[href^="${compact}/reviews/"]`).count()) === 0) {
    await admin.getByText('Open a review cycle').click();
    await admin.getByLabel('Name', { exact: true }).fill('Accessibility review');
    await admin.getByLabel('Cut-off date').fill(new Date().toISOString().slice(0, 10));
    await admin.getByRole('button', { name: 'Open the review cycle' }).click();
    await expect(admin.getByRole('link', { name: 'Accessibility review' })).toBeVisible();
  }
  // An invitation whose page the visitor scans (opening it does not use it).
  await admin.goto(compact);
  await admin.getByText('Invite someone').click();
  await admin.getByLabel('Email', { exact: true }).fill(`a11y.${Date.now()}@au.example`);
  await admin.locator('select[name=partyId]').selectOption({ label: 'African Union' });
  await admin.getByRole('button', { name: 'Create invitation' }).click();
  invitePath = new URL(await admin.getByRole('textbox', { name: /link/i }).first().inputValue()).pathname;
  await admin.context().close();
  // A password-reset link, from the e-mail the forgot-password form sends (opening it does not use it).
  const visitor = await (await a11yContext(browser, 'en')).newPage();
  await visitor.goto('/forgot-password');
  await visitor.getByLabel('Email').fill('reviewer@secretariat.example');
  await visitor.getByRole('button', { name: /send/i }).click();
  const email = await waitForEmail('reviewer@secretariat.example', /new password/i);
  resetPath = new URL(email.text.match(/https?:\/\/\S+\/reset-password\/\S+/)![0]).pathname;
  await visitor.context().close();
});

async function scanEveryPage(browser: Browser, language: Language): Promise<string[]> {
  const found: string[] = [];
  const visitor = await (await a11yContext(browser, language)).newPage();
  await scanPage(visitor, language, '/', found);
  await scanPage(visitor, language, '/forgot-password', found);
  await scanPage(visitor, language, invitePath, found);
  await scanPage(visitor, language, resetPath, found);
  await visitor.context().close();

  const admin = await signInAs(browser, language, 'admin@secretariat.example');
  await scanPage(admin, language, '/compacts', found);
  const compact = await hrefOf(admin, `a:text-is("${DEMO_TITLE}")`);
  // The editor (negotiation view), then its clean text view on the same load.
  await scanPage(admin, language, compact, found, () =>
    expect(admin.locator('.ProseMirror')).toContainText('Political priorities'),
  );
  await admin.locator('.view-bar button[aria-pressed]').click();
  await expect(admin.locator('.clean-text')).toBeVisible();
  found.push(...(await wcagViolations(admin, `${language} ${compact} (clean text view)`)));

  await scanPage(admin, language, `${compact}/history`, found);
  const version = await hrefOf(admin, `main a[href^="${compact}/history/"]:not([href*="compare"])`);
  const compare = await hrefOf(admin, `main a[href*="/history/compare"]`);
  await scanPage(admin, language, version, found);
  await scanPage(admin, language, compare, found);
  await scanPage(admin, language, `${compact}/audit`, found);
  await scanPage(admin, language, `${compact}/reviews`, found);
  await scanPage(admin, language, await hrefOf(admin, `main a[href^="${compact}/reviews/"]`), found);
  await scanPage(admin, language, `${compact}/framework`, found);
  const indicator = await hrefOf(admin, `main a[href*="/indicators/"]:not([href$="/new"])`);
  const scorecard = await hrefOf(admin, `main a[href*="/scorecard/"]`);
  await scanPage(admin, language, indicator, found);
  // The chart's data table, opened.
  await admin.locator('.chart-data summary').click();
  found.push(...(await wcagViolations(admin, `${language} ${indicator} (chart data table open)`)));
  await scanPage(admin, language, `${indicator}/edit`, found);
  await scanPage(admin, language, `${compact}/indicators/new`, found);
  await scanPage(admin, language, scorecard, found);
  await scanPage(admin, language, '/notifications', found);
  await scanPage(admin, language, '/account/notifications', found);
  await scanPage(admin, language, '/admin', found);
  await scanPage(admin, language, '/admin/audit', found);
  await admin.context().close();

  const monitor = await signInAs(browser, language, 'monitor@mission.example');
  await scanPage(monitor, language, `${compact}/progress`, found);
  await monitor.context().close();
  const validator = await signInAs(browser, language, 'validator@secretariat.example');
  await scanPage(validator, language, '/validation', found);
  await validator.context().close();
  return found;
}

for (const language of LANGUAGES) {
  test(`in ${language}, every page has no WCAG 2.2 AA violation of any impact (axe)`, async ({ browser }) => {
    test.setTimeout(300_000);
    const found = await scanEveryPage(browser, language);
    expect(found, `Accessibility violations:\n${found.join('\n')}`).toEqual([]);
  });
}

test('presence and connection changes are announced in one polite live region; remote carets are named', async ({
  browser,
}) => {
  const aldoria = await openDemoCompactAs(browser, 'negotiator@aldoria.example');
  const live = aldoria.getByTestId('live-announcer');
  await expect(live).toHaveAttribute('role', 'status');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  // The connection badge shows the state in words and is not a second live region.
  await expect(aldoria.getByRole('group', { name: /Connection: Connected/ })).not.toHaveAttribute('aria-live');

  const varenia = await openDemoCompactAs(browser, 'negotiator@varenia.example');
  await expect(live).toHaveText('Piotr Varga (VAR) joined the document.');
  await varenia.getByLabel('Compact text').getByText('Political priorities').click();
  await expect(aldoria.getByRole('img', { name: 'Cursor of Piotr Varga, VAR' })).toBeAttached();
  // Party colours are never the only signal: the presence list names the party.
  await expect(aldoria.getByRole('list', { name: 'People in this document' })).toContainText('Piotr Varga');

  await varenia.context().close();
  await expect(live).toHaveText('Piotr Varga (VAR) left the document.', { timeout: 30_000 });

  await aldoria.context().setOffline(true);
  await expect(live).toHaveText(/^You are offline/);
  await aldoria.context().setOffline(false);
  await expect(live).toHaveText(/^Reconnected/, { timeout: 30_000 });
});

test('with reduced motion asked for, transitions and smooth scrolling are off', async ({ browser }) => {
  /** The transition of an element that has one (a jumped-to provision's highlight, 0.5 s), and the page's scroll behaviour. */
  async function motionWhen(reducedMotion: 'reduce' | 'no-preference') {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto('/');
    const motion = await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.className = 'jump-target';
      document.body.append(probe);
      const style = getComputedStyle(probe);
      return {
        transition: parseFloat(style.transitionDuration),
        scroll: getComputedStyle(document.body).scrollBehavior,
      };
    });
    await context.close();
    return motion;
  }
  // Without the preference the probe does move: what is measured below is the preference's doing.
  expect((await motionWhen('no-preference')).transition, 'the probe transition without reduced motion').toBe(0.5);
  const motion = await motionWhen('reduce');
  expect(motion.transition).toBeLessThan(0.001);
  expect(motion.scroll).toBe('auto');
});

test('at 200 % text size the compact page and the progress grid lose nothing and do not scroll sideways at 1280 px', async ({
  browser,
}) => {
  const monitor = await signInAs(browser, 'en', 'monitor@mission.example', { width: 1280, height: 900 });
  const compact = await hrefOf(monitor, `a:text-is("${DEMO_TITLE}")`);
  for (const [path, ready] of [
    [compact, () => expect(monitor.locator('.ProseMirror')).toContainText('Political priorities')],
    [`${compact}/progress`, () => expect(monitor.getByRole('button', { name: 'Save draft' }).first()).toBeVisible()],
  ] as const) {
    await monitor.goto(path);
    await monitor.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    await ready();
    await expectNoPageOverflow(monitor, `${path} at 200 %`);
  }
  await monitor.context().close();
});

/**
 * Tabs through a page and returns each stop that shows no focus indicator: neither an outline of
 * at least 2 px nor a box shadow that it lacks when not focused (cards have shadows at rest; the
 * editor and clean-text provisions draw their ring as an inset shadow).
 */
async function stopsWithoutVisibleFocus(page: Page, where: string, stops: number): Promise<string[]> {
  const missing: string[] = [];
  const reached = new Set<string>();
  await page.locator('body').focus();
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const look = () => {
        const style = getComputedStyle(element);
        return {
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          shadow: style.boxShadow,
        };
      };
      const focused = look();
      element.blur();
      const resting = look();
      element.focus();
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
      return {
        visible:
          (focused.outline && !resting.outline) || (focused.shadow !== 'none' && focused.shadow !== resting.shadow),
        what: `${element.tagName.toLowerCase()} “${name}”`,
      };
    });
    if (focus && !focus.visible) missing.push(`${where}: ${focus.what}`);
    if (focus) reached.add(focus.what);
  }
  // A page whose Tab key moved nothing would have no stop to fail on.
  expect(reached.size, `distinct controls Tab reached on ${where}`).toBeGreaterThanOrEqual(3);
  return missing;
}

test('every control reached with Tab shows where the focus is', async ({ browser }) => {
  const missing: string[] = [];
  const negotiator = await openDemoCompactAs(browser, 'negotiator@mission.example');
  missing.push(...(await stopsWithoutVisibleFocus(negotiator, 'compact text', 60)));
  const compact = new URL(negotiator.url()).pathname;
  for (const path of [`${compact}/framework`, `${compact}/history`, '/compacts']) {
    await negotiator.goto(path);
    await negotiator.waitForLoadState('networkidle');
    missing.push(...(await stopsWithoutVisibleFocus(negotiator, path, 40)));
  }
  const monitor = await signInAs(browser, 'en', 'monitor@mission.example');
  await monitor.goto(`${compact}/progress`);
  await expect(monitor.getByRole('button', { name: 'Save draft' }).first()).toBeVisible();
  missing.push(...(await stopsWithoutVisibleFocus(monitor, 'progress entry', 60)));
  await monitor.context().close();
  const validator = await signInAs(browser, 'en', 'validator@secretariat.example');
  await validator.goto('/validation');
  await validator.waitForLoadState('networkidle');
  missing.push(...(await stopsWithoutVisibleFocus(validator, 'validation queue', 40)));
  await validator.context().close();
  expect(missing, `Focus not visible on:\n${missing.join('\n')}`).toEqual([]);
});
