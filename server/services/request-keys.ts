import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { requestKeys } from '@/db/schema/request-keys';
import { DomainError } from './domain-error';

/** How long a submission's key answers its first result (a retry comes within seconds; a day is generous). */
const KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Runs a creation once per form submission: with a `requestKey` (a fresh one per submission),
 * the same key again — a double click, a retried request — creates nothing: it answers the first
 * result, or CONFLICT while the first is still running. The key is claimed in a short immediate
 * transaction before the creation (which keeps its own transactions short), and released if the
 * creation fails, so the person can correct and submit again. Without a key, the creation just runs.
 * `action` names what is created and where (`indicators.create:<compactId>`): a key sent again
 * for anything else — another kind, another compact — is refused, never answered with the first result.
 */
export function oncePerRequest<T>(
  db: Db,
  userId: string,
  requestKey: string | undefined,
  action: string,
  create: () => T,
): T {
  if (requestKey === undefined) return create();
  const ours = and(eq(requestKeys.userId, userId), eq(requestKeys.key, requestKey));
  const claim = db.transaction(
    (tx) => {
      const [seen] = tx
        .select({ action: requestKeys.action, result: requestKeys.result })
        .from(requestKeys)
        .where(ours)
        .all();
      if (seen) return seen;
      const now = new Date();
      tx.delete(requestKeys)
        .where(lt(requestKeys.createdAt, new Date(now.getTime() - KEPT_MS)))
        .run();
      tx.insert(requestKeys).values({ userId, key: requestKey, action, result: null, createdAt: now }).run();
      return null;
    },
    { behavior: 'immediate' },
  );
  if (claim) {
    if (claim.action !== action) throw new DomainError('CONFLICT', { key: 'errors.requestKeys.formWasAlreadyUsed' });
    if (claim.result === null)
      throw new DomainError('CONFLICT', { key: 'errors.requestKeys.formBeingSubmittedAlready' });
    return claim.result as T;
  }
  let result: T;
  try {
    result = create();
  } catch (error) {
    db.delete(requestKeys).where(ours).run();
    throw error;
  }
  db.update(requestKeys).set({ result }).where(ours).run();
  return result;
}
