import 'server-only';
import type { Problem } from '@/i18n/types';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { comments, commentThreads } from '@/db/schema/comments';
import { maySeeThread } from '@/server/policies/comment-policy';
import type { CompactMember } from '@/server/policies/compact-member';
import { DomainError } from '../domain-error';

const NO_SUCH_THREAD: Problem = { key: 'errors.threadList.noSuchCommentThread' };

const threadColumns = {
  id: commentThreads.id,
  partyId: commentThreads.partyId,
  visibility: commentThreads.visibility,
  resolvedAt: commentThreads.resolvedAt,
};

export type ThreadSubject = { id: string } & Parameters<typeof maySeeThread>[1] & { resolvedAt: Date | null };

/**
 * A live thread of this compact the member may see. A delegation-only thread of another party
 * answers NOT_FOUND, exactly as a thread that does not exist: its existence is not revealed.
 */
export function requireVisibleThread(
  db: DbOrTx,
  member: Pick<CompactMember, 'partyId'>,
  compactId: string,
  threadId: string,
): ThreadSubject {
  const thread = findVisibleThread(db, member, compactId, threadId);
  if (!thread) throw new DomainError('NOT_FOUND', NO_SUCH_THREAD);
  return thread;
}

function findVisibleThread(
  db: DbOrTx,
  member: Pick<CompactMember, 'partyId'>,
  compactId: string,
  threadId: string,
): ThreadSubject | null {
  const [thread] = db
    .select(threadColumns)
    .from(commentThreads)
    .where(
      and(eq(commentThreads.id, threadId), eq(commentThreads.compactId, compactId), isNull(commentThreads.deletedAt)),
    )
    .all();
  return thread && maySeeThread(member, thread) ? thread : null;
}

/** A live comment, in a thread of this compact the member may see, with that thread. */
export function requireVisibleComment(
  db: DbOrTx,
  member: Pick<CompactMember, 'partyId'>,
  compactId: string,
  commentId: string,
) {
  const [comment] = db
    .select({ id: comments.id, threadId: comments.threadId, authorId: comments.authorId })
    .from(comments)
    .where(and(eq(comments.id, commentId), isNull(comments.deletedAt)))
    .all();
  const thread = comment ? findVisibleThread(db, member, compactId, comment.threadId) : null;
  if (!comment || !thread) throw new DomainError('NOT_FOUND', { key: 'errors.threadAccess.noSuchCommentCompact' });
  return { comment, thread };
}
