import { expect, test } from '@playwright/test';
import { expectNoCspViolations, watchCspViolations } from './helpers';

test('pages come with a Content-Security-Policy, no framing and no referrer to other sites, and raise no CSP violation', async ({
  page,
}) => {
  await watchCspViolations(page);
  const response = (await page.goto('/'))!;
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['content-security-policy']).not.toContain('unsafe-eval');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expectNoCspViolations(page);
});

test('invitation and password-reset pages are never stored in a cache', async ({ request }) => {
  for (const path of ['/invite/not-a-real-token-but-long-enough', '/reset-password/not-a-real-token-but-long-enough']) {
    const response = await request.get(path);
    expect(response.headers()['cache-control'], path).toContain('no-store');
  }
});
