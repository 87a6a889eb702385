import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { emailPreferences } from '@/db/schema/notifications';
import { ALWAYS_EMAILED, OPTIONAL_EMAIL_KINDS, type NotificationKind } from '@/shared/notifications/kinds';
import { DomainError } from '../domain-error';
import { mailConfigured } from '../mail/transport';

/** Every kind with whether the person gets it by e-mail and whether they may switch it off. */
export function listEmailPreferences(db: DbOrTx, userId: string) {
  const chosen = new Map(
    db
      .select({ kind: emailPreferences.kind, enabled: emailPreferences.enabled })
      .from(emailPreferences)
      .where(eq(emailPreferences.userId, userId))
      .all()
      .map((row) => [row.kind, row.enabled]),
  );
  return {
    /** Without SMTP settings nothing is e-mailed; the choices are kept for when it is. */
    mailConfigured: mailConfigured(),
    kinds: [
      ...OPTIONAL_EMAIL_KINDS.map((kind) => ({ kind, enabled: chosen.get(kind) ?? true, optional: true })),
      ...ALWAYS_EMAILED.map((kind) => ({ kind, enabled: true, optional: false })),
    ],
  };
}

export function setEmailPreference(db: Db, userId: string, kind: NotificationKind, enabled: boolean) {
  if (ALWAYS_EMAILED.includes(kind))
    throw new DomainError('BAD_REQUEST', { key: 'errors.emailPreferences.invitationPasswordResetE' });
  db.insert(emailPreferences)
    .values({ userId, kind, enabled })
    .onConflictDoUpdate({ target: [emailPreferences.userId, emailPreferences.kind], set: { enabled } })
    .run();
  return listEmailPreferences(db, userId);
}
