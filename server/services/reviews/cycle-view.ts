import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbHandle, DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { versions } from '@/db/schema/versions';
import { compareOffThread } from '../history/compare-off-thread';
import { previousCycle, requireCycle, type StoredCycle } from './cycle-queries';
import { changesSinceCutOff, statusChanges } from './indicator-changes';

const versionSide = {
  versionId: versions.id,
  number: versions.number,
  name: versions.name,
  uptoUpdateId: versions.uptoUpdateId,
  contentHash: versions.contentHash,
};

function baselineOf(db: DbOrTx, cycle: Pick<StoredCycle, 'compactId' | 'baselineVersionId'>) {
  return db
    .select(versionSide)
    .from(versions)
    .where(and(eq(versions.compactId, cycle.compactId), eq(versions.id, cycle.baselineVersionId)))
    .all()[0]!;
}

/** The version reaching least far in the log (the first text), or undefined when there is none. */
function firstVersion(db: DbOrTx, compactId: string) {
  return db
    .select(versionSide)
    .from(versions)
    .where(eq(versions.compactId, compactId))
    .orderBy(asc(versions.uptoUpdateId), asc(versions.number))
    .limit(1)
    .all()[0];
}

function names(db: DbOrTx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  return new Map(
    db
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(inArray(user.id, wanted))
      .all()
      .map((row) => [row.id, row.name]),
  );
}

/**
 * The reviewer's view of a cycle: the redline of the text from the previous cycle's baseline (or
 * from the first version — the empty text when the baseline is the first) to this cycle's
 * baseline, attributed from the update log; the indicators whose headline status changed between
 * the previous cycle's snapshot and this one (null for the first cycle); this snapshot; and the
 * values validated since the cut-off, from the live data.
 */
export async function reviewCycleView(handle: DbHandle, compactId: string, cycleId: string) {
  const { db } = handle;
  const { indicatorSnapshot, ...cycle } = requireCycle(db, compactId, cycleId);
  const previous = previousCycle(db, cycle);
  const baseline = baselineOf(db, cycle);
  const previousBaseline = previous ? baselineOf(db, previous) : firstVersion(db, compactId);
  const from =
    previousBaseline && previousBaseline.versionId !== baseline.versionId
      ? { ...previousBaseline, cycleId: previous?.id ?? null, cycleName: previous?.name ?? null }
      : null;
  const people = names(db, [cycle.openedBy, cycle.closedBy]);
  return {
    cycle: {
      ...cycle,
      openedByName: people.get(cycle.openedBy) ?? null,
      closedByName: cycle.closedBy ? (people.get(cycle.closedBy) ?? null) : null,
    },
    baseline,
    /** What the redline starts from: the previous cycle's baseline, the first version, or null (the empty text). */
    from,
    redline: await compareOffThread(handle, compactId, from?.uptoUpdateId ?? 0, baseline.uptoUpdateId),
    snapshot: indicatorSnapshot,
    previousCycle: previous ? { id: previous.id, name: previous.name, cutOffDate: previous.cutOffDate } : null,
    statusChanges: previous ? statusChanges(previous.indicatorSnapshot, indicatorSnapshot) : null,
    sinceCutOff: changesSinceCutOff(db, compactId, cycle.dataAsOf, indicatorSnapshot),
  };
}
