import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

export const DEMO_TITLE = 'Strategic Compact for the UN Stabilization Mission in Aldoria';

const cspViolations = new WeakMap<Page, string[]>();

/**
 * Records every Content-Security-Policy violation of a page: the browser's own console errors
 * ("Refused to … because it violates the following Content Security Policy directive") and the
 * `securitypolicyviolation` events, relayed to the console by an init script.
 */
export async function watchCspViolations(page: Page): Promise<void> {
  const seen: string[] = [];
  cspViolations.set(page, seen);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
      );
    });
  });
}

export function expectNoCspViolations(page: Page): void {
  expect(cspViolations.get(page), 'CSP violations were watched on this page').toBeDefined();
  expect(cspViolations.get(page)).toEqual([]);
}

/**
 * Contexts opened through these helpers, by the test that opened them. The browser lives as long
 * as the worker, so a context nobody closes keeps its page — and its live collaboration
 * connection — running through every later test; they are closed when the next test opens one.
 */
const openContexts: { testId: string; context: BrowserContext }[] = [];

export async function newTestContext(
  browser: Browser,
  options?: Parameters<Browser['newContext']>[0],
): Promise<BrowserContext> {
  const { testId } = test.info();
  for (const open of openContexts.filter((entry) => entry.testId !== testId)) {
    openContexts.splice(openContexts.indexOf(open), 1);
    await open.context.close();
  }
  const context = await browser.newContext(options);
  openContexts.push({ testId, context });
  return context;
}

/** Signs in as a demo account in a fresh browser context and opens the demo compact. */
export async function openDemoCompactAs(browser: Browser, email: string): Promise<Page> {
  const context = await newTestContext(browser);
  const page = await context.newPage();
  await watchCspViolations(page);
  watchCollabSockets(page);
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('compact-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: DEMO_TITLE }).click();
  await expectCompactTextShown(page, 'Political priorities');
  return page;
}

const collabLogs = new WeakMap<Page, string[]>();

/**
 * Records what the page's collaboration sockets did (opened, frames each way by message type,
 * errors, closes with their code), so a text that never appears says where it stopped.
 */
export function watchCollabSockets(page: Page): void {
  const log: string[] = [];
  collabLogs.set(page, log);
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const kind = (payload: string | Buffer) =>
    typeof payload === 'string' ? 'text' : (['sync', 'awareness', 'auth', 'query-awareness'][payload[0] ?? -1] ?? '?');
  // The editor's first-sync watchdog (app/_lib/first-sync-watchdog.ts) reconnected: the test goes on, but it is said.
  page.on('console', (message) => {
    if (!message.text().includes('did not answer the first sync')) return;
    log.push(`${at()} first-sync watchdog: reconnecting`);
    console.warn(`[${test.info().title}] ${message.text()}`);
  });
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/collab/')) return;
    log.push(`${at()} open ${new URL(socket.url()).pathname}`);
    socket.on('framesent', ({ payload }) => log.push(`${at()} sent ${kind(payload)}${subtype(payload)}`));
    socket.on('framereceived', ({ payload }) => log.push(`${at()} received ${kind(payload)}${subtype(payload)}`));
    socket.on('socketerror', (error) => log.push(`${at()} error ${error}`));
    socket.on('close', () => log.push(`${at()} closed`));
  });
}

/** Sync messages carry their step (0: step 1, 1: step 2, 2: update) after the message type. */
function subtype(payload: string | Buffer): string {
  return typeof payload !== 'string' && payload[0] === 0
    ? ` ${['step-1', 'step-2', 'update'][payload[1] ?? -1] ?? '?'}`
    : '';
}

/**
 * Waits for the compact's text to show `expected`; on failure, says what the page and its sockets did.
 * The editor is found by its English name unless given (a page in another language names it otherwise).
 */
export async function expectCompactTextShown(
  page: Page,
  expected: string,
  editor: Locator = page.getByLabel('Compact text'),
): Promise<void> {
  try {
    await expect(editor).toContainText(expected);
  } catch (error) {
    const badge = await page
      .locator('.badge.status')
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => 'no connection badge');
    const sockets = collabLogs.get(page)?.join('\n  ') ?? 'not watched';
    throw new Error(
      `The compact text did not show "${expected}" at ${page.url()} (connection: ${badge}).\nSockets:\n  ${sockets}\n${String(error)}`,
      { cause: error },
    );
  }
}
