import type { Translate } from '@/i18n/types';

/** The machine-readable codes of sign-in refusals (server/auth: auth-route.ts, endpoint-policy.ts, auth.ts). */
const CODE_KEYS = {
  TOO_MANY_ATTEMPTS: 'errors.auth.tooManyAttempts',
  CROSS_SITE: 'errors.auth.crossSite',
  DEMO_PASSWORD_REFUSED: 'errors.auth.demoPasswordRefused',
  ACCOUNT_DEACTIVATED: 'errors.auth.accountDeactivated',
} as const;

/**
 * What a failed sign-in says, in the reader's language: a wrong address or password, a known refusal
 * by its code (with the wait in minutes from Retry-After), anything else as a generic failure. The
 * server's own English message is never shown.
 */
export function signInErrorText(t: Translate, status: number, body: unknown, retryAfter: string | null): string {
  if (status === 401) return t('signIn.invalid');
  const code = body && typeof body === 'object' && 'code' in body ? body.code : undefined;
  if (typeof code === 'string' && Object.hasOwn(CODE_KEYS, code)) {
    const seconds = Number(retryAfter);
    const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
    return t(CODE_KEYS[code as keyof typeof CODE_KEYS], { minutes });
  }
  return t('signIn.failed');
}
