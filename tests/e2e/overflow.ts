import { expect, type Page } from '@playwright/test';

/** The page never scrolls sideways: anything wider than the screen scrolls inside its own container. */
export async function expectNoHorizontalPageScroll(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  const widths = await page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    // The outermost elements reaching past the screen's edge, to name in a failure.
    const sticking = [...document.querySelectorAll('body *')]
      .filter((element) => {
        const parent = element.parentElement;
        return (
          element.getBoundingClientRect().right > screen + 0.5 &&
          (!parent || parent.getBoundingClientRect().right <= screen + 0.5)
        );
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} “${element.textContent?.slice(0, 40)}”`);
    return { page: document.documentElement.scrollWidth, screen, sticking };
  });
  expect(widths.page, `${where} is wider than the screen: ${widths.sticking.join('; ')}`).toBeLessThanOrEqual(
    widths.screen,
  );
}
