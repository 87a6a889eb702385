import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '@/db/client';
import { versions } from '@/db/schema/versions';
import type { Redline } from '@/shared/history/redline';
import { DomainError } from '../domain-error';
import { newestUpdateId } from '../versions/text-snapshot';
import { compareOffThread } from './compare-off-thread';

/** One side of a comparison: a version, or the text as stored now. */
export interface ComparedSide {
  versionId: string | null;
  number: number | null;
  name: string | null;
  uptoUpdateId: number;
  createdAt: Date | null;
}

export interface VersionComparison {
  from: ComparedSide;
  to: ComparedSide;
  redline: Redline;
}

function versionSide(handle: DbHandle, compactId: string, versionId: string): ComparedSide {
  const [row] = handle.db
    .select({
      versionId: versions.id,
      number: versions.number,
      name: versions.name,
      uptoUpdateId: versions.uptoUpdateId,
      createdAt: versions.createdAt,
    })
    .from(versions)
    .where(and(eq(versions.compactId, compactId), eq(versions.id, versionId)))
    .all();
  if (!row) throw new DomainError('NOT_FOUND', { key: 'errors.compareVersions.noSuchVersionCompact' });
  return row;
}

/**
 * Compares two versions of a compact's text (or a version with the text as stored now, when `toVersionId`
 * is null), earlier first whatever the order asked: a redline attributed from the update log.
 */
export async function compareVersions(
  handle: DbHandle,
  compactId: string,
  fromVersionId: string,
  toVersionId: string | null,
): Promise<VersionComparison> {
  const first = versionSide(handle, compactId, fromVersionId);
  const second =
    toVersionId === null
      ? {
          versionId: null,
          number: null,
          name: null,
          uptoUpdateId: newestUpdateId(handle.db, compactId),
          createdAt: null,
        }
      : versionSide(handle, compactId, toVersionId);
  const [from, to] = first.uptoUpdateId <= second.uptoUpdateId ? [first, second] : [second, first];
  return { from, to, redline: await compareOffThread(handle, compactId, from.uptoUpdateId, to.uptoUpdateId) };
}
