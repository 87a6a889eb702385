import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { evidenceFiles, progressComments } from '@/db/schema/framework';
import { groupBy } from '../group-by';

interface UpdatePeople {
  id: string;
  createdBy: string;
  submittedBy: string | null;
  decidedBy: string | null;
}

/**
 * The people, discussion and evidence files of a set of updates — in three queries, whatever the
 * number of updates: everything a monitor entered, for whoever reads or decides on it.
 */
export function withUpdateDetails<T extends UpdatePeople>(db: DbOrTx, rows: T[]) {
  const updateIds = rows.map((r) => r.id);
  const comments = updateIds.length
    ? db
        .select({
          updateId: progressComments.updateId,
          body: progressComments.body,
          createdAt: progressComments.createdAt,
          authorId: progressComments.authorId,
        })
        .from(progressComments)
        .where(inArray(progressComments.updateId, updateIds))
        .orderBy(asc(progressComments.id))
        .all()
    : [];
  const files = updateIds.length
    ? db
        .select({
          updateId: evidenceFiles.updateId,
          id: evidenceFiles.id,
          filename: evidenceFiles.filename,
          size: evidenceFiles.size,
        })
        .from(evidenceFiles)
        .where(inArray(evidenceFiles.updateId, updateIds))
        .orderBy(asc(evidenceFiles.createdAt))
        .all()
    : [];
  const people = new Set(
    [...rows.flatMap((r) => [r.createdBy, r.submittedBy, r.decidedBy]), ...comments.map((c) => c.authorId)].filter(
      (id): id is string => Boolean(id),
    ),
  );
  const names = new Map(
    people.size
      ? db
          .select({ id: user.id, name: user.name })
          .from(user)
          .where(inArray(user.id, [...people]))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  const commentsByUpdate = groupBy(comments, (c) => c.updateId);
  const filesByUpdate = groupBy(files, (f) => f.updateId);
  return rows.map((row) => ({
    ...row,
    createdByName: names.get(row.createdBy) ?? '',
    submittedByName: row.submittedBy ? (names.get(row.submittedBy) ?? '') : null,
    decidedByName: row.decidedBy ? (names.get(row.decidedBy) ?? '') : null,
    discussion: (commentsByUpdate.get(row.id) ?? []).map(({ body, createdAt, authorId }) => ({
      body,
      createdAt,
      authorId,
      author: names.get(authorId) ?? '',
    })),
    files: (filesByUpdate.get(row.id) ?? []).map(({ id, filename, size }) => ({ id, filename, size })),
  }));
}
