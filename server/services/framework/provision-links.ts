import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { ItemProblems } from '../batch-writes';
import { provisionChoice, storedProvisions } from '../negotiation/stored-provisions';

/** What links to a provision of the compact text (an indicator, a commitment): its id, or none. */
export interface ProvisionLinking {
  provisionId?: string | null;
}

export type ProvisionChoice = ReturnType<typeof provisionChoice>;

/** The provisions of the stored text by id (what a link may name, and the citation a link shows). */
export type ProvisionsById = ReadonlyMap<string, ProvisionChoice>;

export const NO_PROVISIONS: ProvisionsById = new Map();

/**
 * The provisions these items may link to (or do link to), read from the stored text once — and
 * only when an item names a provision. Writers call it before their write transaction: reading a
 * whole document inside it would let the collaboration writer's commits invalidate its snapshot.
 */
export function linkableProvisions(db: DbOrTx, compactId: string, items: readonly ProvisionLinking[]): ProvisionsById {
  if (!items.some((item) => item.provisionId)) return NO_PROVISIONS;
  return new Map(
    storedProvisions(db, compactId).flatMap((provision) =>
      provision.id ? [[provision.id, provisionChoice(provision)] as const] : [],
    ),
  );
}

/** A link to an id that is not a provision of the text is a problem of the item's `provisionId`. */
export function checkProvisionLinks(
  items: readonly ProvisionLinking[],
  provisions: ProvisionsById,
  problems: ItemProblems,
): void {
  items.forEach((item, index) => {
    if (item.provisionId && !provisions.has(item.provisionId))
      problems.add(index, 'provisionId', 'NOT_FOUND', { key: 'errors.provisionLinks.noProvisionIdCompact' });
  });
}

/** Each item with the provision it links to (`provision` null when it links to none, or to one deleted from the text). */
export function withLinkedProvisions<T extends ProvisionLinking>(db: DbOrTx, compactId: string, items: readonly T[]) {
  const provisions = linkableProvisions(db, compactId, items);
  return items.map((item) => ({
    ...item,
    provision: item.provisionId ? (provisions.get(item.provisionId) ?? null) : null,
  }));
}
