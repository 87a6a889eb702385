import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { newTestContext } from './helpers';
import { expectNoHorizontalPageScroll } from './overflow';

/** A fresh browser context whose interface language is chosen by the `cw-locale` cookie. */
export async function a11yContext(
  browser: Browser,
  language: string,
  viewport?: { width: number; height: number },
): Promise<BrowserContext> {
  // Registered like openDemoCompactAs's: one a failed test leaves open is closed by the next test's first.
  const context = await newTestContext(browser, viewport ? { viewport } : {});
  const base = `http://localhost:${Number(process.env.E2E_PORT ?? 3210)}`;
  await context.addCookies([{ name: 'cw-locale', value: language, url: base }]);
  return context;
}

/** Signs in through the form, in any language (fields found by name, not by their translated labels). */
export async function signInAs(
  browser: Browser,
  language: string,
  email: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await (await a11yContext(browser, language, viewport)).newPage();
  await page.goto('/');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('compact-demo');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL('**/compacts');
  return page;
}

/**
 * Nothing is lost at a large text size: the page does not scroll sideways, and no element that
 * hides its overflow cuts text off (the visually hidden helpers excepted). Names the culprits.
 */
export async function expectNoPageOverflow(page: Page, where: string) {
  await expectNoHorizontalPageScroll(page, where);
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => {
        if (element.closest('.sr-only, [hidden], svg, .skip-link')) return false;
        const style = getComputedStyle(element);
        const hides = (value: string) => value === 'hidden' || value === 'clip';
        return (
          (hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1) ||
          (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
        );
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} “${element.textContent?.slice(0, 40)}”`),
  );
  expect(clipped, `${where} cuts content off`).toEqual([]);
}
