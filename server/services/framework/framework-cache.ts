import 'server-only';
import { and, desc, eq, notLike } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditEvents } from '@/db/schema/audit';

/**
 * Every change to a compact's framework writes an audit event in the same transaction, so the
 * newest such audit event id is a version stamp that every process reads from the database. A
 * computed framework is reused while that stamp (and the date) stays the same: no process holds
 * state that another could contradict. Events about the text and its comments change nothing the
 * framework shows, and do not count (nor do another party's delegation-only threads show through
 * the framework's timing); nor do exports of the audit log, review cycles and their findings,
 * versions of the text (automatic ones are made every few minutes while people edit) or sign-offs.
 */
const NOT_ABOUT_THE_FRAMEWORK = ['comment%', 'provision.%', 'text.%', 'audit.%', 'review-%', 'version.%', 'sign-off.%'];
const MAX_ENTRIES = 200;
const entries = new Map<string, { stamp: string; value: unknown }>();

export function frameworkVersion(db: DbOrTx, compactId: string): number {
  // Newest first along the (compact, id) index, to the first event that counts.
  const [row] = db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.compactId, compactId),
        ...NOT_ABOUT_THE_FRAMEWORK.map((prefix) => notLike(auditEvents.action, prefix)),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1)
    .all();
  return row?.id ?? 0;
}

export function cachedComputation<T>(db: DbOrTx, compactId: string, today: string, compute: () => T): T {
  const stamp = `${frameworkVersion(db, compactId)}|${today}`;
  const hit = entries.get(compactId);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = compute();
  entries.delete(compactId);
  entries.set(compactId, { stamp, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
