import 'server-only';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { reviewCycles } from '@/db/schema/reviews';
import { DomainError } from '../domain-error';

const cycleColumns = {
  id: reviewCycles.id,
  compactId: reviewCycles.compactId,
  name: reviewCycles.name,
  cutOffDate: reviewCycles.cutOffDate,
  dataAsOf: reviewCycles.dataAsOf,
  baselineVersionId: reviewCycles.baselineVersionId,
  snapshotHash: reviewCycles.snapshotHash,
  openedBy: reviewCycles.openedBy,
  openedAt: reviewCycles.openedAt,
  closedBy: reviewCycles.closedBy,
  closedAt: reviewCycles.closedAt,
};

/** A compact's review cycles, latest cut-off first, with who opened them (without their snapshots). */
export function listCycles(db: DbOrTx, compactId: string) {
  return db
    .select({ ...cycleColumns, openedByName: user.name })
    .from(reviewCycles)
    .leftJoin(user, eq(user.id, reviewCycles.openedBy))
    .where(eq(reviewCycles.compactId, compactId))
    .orderBy(desc(reviewCycles.cutOffDate), desc(reviewCycles.openedAt))
    .all();
}

/** One cycle of the compact with its indicator snapshot; NOT_FOUND otherwise. */
export function requireCycle(db: DbOrTx, compactId: string, cycleId: string) {
  const [row] = db
    .select({ ...cycleColumns, indicatorSnapshot: reviewCycles.indicatorSnapshot })
    .from(reviewCycles)
    .where(and(eq(reviewCycles.compactId, compactId), eq(reviewCycles.id, cycleId)))
    .all();
  if (!row) throw new DomainError('NOT_FOUND', { key: 'errors.openCycle.noSuchReviewCycle' });
  return row;
}

export type StoredCycle = ReturnType<typeof requireCycle>;

/** The cycle before this one (by cut-off, then opening), with its snapshot; undefined for the first. */
export function previousCycle(db: DbOrTx, cycle: Pick<StoredCycle, 'compactId' | 'cutOffDate' | 'openedAt'>) {
  return db
    .select({ ...cycleColumns, indicatorSnapshot: reviewCycles.indicatorSnapshot })
    .from(reviewCycles)
    .where(
      and(
        eq(reviewCycles.compactId, cycle.compactId),
        or(
          lt(reviewCycles.cutOffDate, cycle.cutOffDate),
          and(eq(reviewCycles.cutOffDate, cycle.cutOffDate), lt(reviewCycles.openedAt, cycle.openedAt)),
        ),
      ),
    )
    .orderBy(desc(reviewCycles.cutOffDate), desc(reviewCycles.openedAt))
    .limit(1)
    .all()[0];
}

/** The latest cut-off of the compact's cycles (null: none yet). */
export function latestCutOff(db: DbOrTx, compactId: string): string | null {
  const [row] = db
    .select({ cutOff: sql<string | null>`max(${reviewCycles.cutOffDate})` })
    .from(reviewCycles)
    .where(eq(reviewCycles.compactId, compactId))
    .all();
  return row?.cutOff ?? null;
}

/** Whether the compact has a cycle of this name (case-insensitively, as the unique index compares). */
export function cycleNameTaken(db: DbOrTx, compactId: string, name: string): boolean {
  return (
    db
      .select({ id: reviewCycles.id })
      .from(reviewCycles)
      .where(and(eq(reviewCycles.compactId, compactId), sql`${reviewCycles.name} = ${name} collate nocase`))
      .limit(1)
      .all().length > 0
  );
}
