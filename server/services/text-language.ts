import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { compacts } from '@/db/schema/compacts';
import type { TextLanguage } from '@/shared/text-languages';
import { recordAuditEvent, type AuditActor } from './audit';
import { DomainError } from './domain-error';

/**
 * Sets the language the compact's text is written in (one of the six UN languages). It is
 * presentation only — the editor's direction and the exports' language follow it — so the text
 * itself, its content hash and its sign-offs do not change. Audited as `compact.textLanguageSet`.
 */
export function setTextLanguage(db: Db, actor: AuditActor, compactId: string, textLanguage: TextLanguage) {
  return db.transaction((tx) => {
    const [row] = tx
      .select({ textLanguage: compacts.textLanguage })
      .from(compacts)
      .where(eq(compacts.id, compactId))
      .all();
    if (!row) throw new DomainError('NOT_FOUND', { key: 'errors.compacts.noSuchCompact' });
    if (row.textLanguage === textLanguage) return { textLanguage };
    tx.update(compacts).set({ textLanguage }).where(eq(compacts.id, compactId)).run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'compact.textLanguageSet',
      entityType: 'compact',
      entityId: compactId,
      before: { textLanguage: row.textLanguage },
      after: { textLanguage },
    });
    return { textLanguage };
  });
}
