import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { user } from '@/db/schema/auth';
import { accessLinks } from '@/db/schema/compacts';
import type { AppLocale } from '@/i18n/locales';
import { countForgotPasswordRequest, forgotPasswordRetryAfterSeconds } from '../auth/forgot-password-throttle';
import { issueLink, PASSWORD_RESET_TTL_MS } from './access-links';
import { recordAuditEvent } from './audit';
import { mailConfigured } from './mail/transport';
import { noticePasswordReset } from './notifications/access-notices';

export type ForgotPasswordAnswer =
  /** The same answer whatever the address: a link was e-mailed if the address has an active account. */
  | { status: 'sent' }
  /** E-mail is not configured: ask an administrator. */
  | { status: 'unavailable' }
  | { status: 'throttled'; retryAfterSeconds: number };

/** Whether people can reset their own password (e-mail is configured). */
export function selfServiceResetAvailable(): boolean {
  return mailConfigured();
}

/**
 * "Forgot password?": e-mails a one-time reset link to the address when it has an active account
 * — the same link, lifetime and checks as an administrator's reset link, issued by the account
 * itself — and answers the same whatever the address. A new request replaces the person's
 * earlier self-service links. Throttled per address asked for and per client address. The e-mail
 * is in the account's language, or (never chosen) in `locale`, the language of the asking page.
 */
export function requestPasswordReset(
  db: Db,
  input: { email: string; clientAddress: string; locale?: AppLocale },
  now = Date.now(),
): ForgotPasswordAnswer {
  if (!mailConfigured()) return { status: 'unavailable' };
  const email = input.email.trim().toLowerCase();
  const retryAfterSeconds = forgotPasswordRetryAfterSeconds(db, email, input.clientAddress, now);
  if (retryAfterSeconds > 0) return { status: 'throttled', retryAfterSeconds };
  db.transaction((tx) => {
    countForgotPasswordRequest(tx, email, input.clientAddress, now);
    const [account] = tx
      .select({ id: user.id })
      .from(user)
      .where(and(eq(user.email, email), isNull(user.deactivatedAt)))
      .all();
    if (!account) return;
    tx.update(accessLinks)
      .set({ usedAt: new Date(now) })
      .where(
        and(
          eq(accessLinks.kind, 'password-reset'),
          eq(accessLinks.userId, account.id),
          eq(accessLinks.createdBy, account.id),
          isNull(accessLinks.usedAt),
        ),
      )
      .run();
    const self = { userId: account.id, partyId: null };
    const link = issueLink(
      tx,
      self,
      { kind: 'password-reset', email, userId: account.id, compactId: null },
      PASSWORD_RESET_TTL_MS,
    );
    recordAuditEvent(tx, self, {
      compactId: null,
      action: 'password-reset.requested',
      entityType: 'access-link',
      entityId: link.id,
      after: { userId: account.id },
    });
    noticePasswordReset(tx, { userId: account.id, email, ...link }, input.locale);
  });
  return { status: 'sent' };
}
