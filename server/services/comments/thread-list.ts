import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { comments, commentThreads } from '@/db/schema/comments';
import { parties } from '@/db/schema/parties';
import { deleteCommentRefusal, settleThreadRefusal } from '@/server/policies/comment-policy';
import type { CompactMember } from '@/server/policies/compact-member';
import { may } from '@/server/policies/role-actions';
import { COMMENT_THREADS_PAGE_MAX } from '@/shared/comments/comment-rules';
import { DomainError } from '../domain-error';
import { groupBy } from '../group-by';

export interface ThreadPageInput {
  /** From the previous page's `nextCursor`; none for the newest threads. */
  cursor?: string | null;
  limit?: number;
}

const resolver = alias(user, 'resolver');

/** Threads the member may see: every `all` thread and their own party's delegation threads. */
const visibleTo = (member: Pick<CompactMember, 'partyId'>) =>
  or(eq(commentThreads.visibility, 'all'), eq(commentThreads.partyId, member.partyId));

/** `<createdAt ms>.<id>` of the last thread of a page: the next page starts after it. */
function parseCursor(cursor: string): { createdAt: Date; id: string } {
  const match = /^(\d{1,15})\.([\w-]{1,64})$/.exec(cursor);
  if (!match) throw new DomainError('BAD_REQUEST', { key: 'errors.threadList.pageCommentThreadsDoes' });
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

function after(cursor: string | null | undefined) {
  if (!cursor) return undefined;
  const { createdAt, id } = parseCursor(cursor);
  return or(
    lt(commentThreads.createdAt, createdAt),
    and(eq(commentThreads.createdAt, createdAt), lt(commentThreads.id, id)),
  );
}

function threadRows(db: DbOrTx, member: CompactMember, compactId: string, narrower: SQL | undefined, limit: number) {
  return db
    .select({
      id: commentThreads.id,
      provisionId: commentThreads.provisionId,
      anchorStart: commentThreads.anchorStart,
      anchorEnd: commentThreads.anchorEnd,
      quote: commentThreads.quote,
      visibility: commentThreads.visibility,
      partyId: commentThreads.partyId,
      partyCode: parties.shortCode,
      authorId: commentThreads.authorId,
      authorName: user.name,
      createdAt: commentThreads.createdAt,
      resolvedAt: commentThreads.resolvedAt,
      resolvedByName: resolver.name,
    })
    .from(commentThreads)
    .innerJoin(user, eq(user.id, commentThreads.authorId))
    .innerJoin(parties, eq(parties.id, commentThreads.partyId))
    .leftJoin(resolver, eq(resolver.id, commentThreads.resolvedBy))
    .where(and(eq(commentThreads.compactId, compactId), isNull(commentThreads.deletedAt), visibleTo(member), narrower))
    .orderBy(desc(commentThreads.createdAt), desc(commentThreads.id))
    .limit(limit + 1)
    .all();
}

function commentRows(db: DbOrTx, threadIds: string[]) {
  if (threadIds.length === 0) return [];
  return db
    .select({
      id: comments.id,
      threadId: comments.threadId,
      authorId: comments.authorId,
      authorName: user.name,
      partyCode: parties.shortCode,
      // A deleted comment keeps its place in the thread, not its words.
      body: sql<string>`case when ${comments.deletedAt} is null then ${comments.body} else '' end`,
      createdAt: comments.createdAt,
      deletedAt: comments.deletedAt,
    })
    .from(comments)
    .innerJoin(user, eq(user.id, comments.authorId))
    .innerJoin(parties, eq(parties.id, comments.partyId))
    .where(inArray(comments.threadId, threadIds))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
}

/** Threads with their comments and what the member may do with each. */
function presentThreads(db: DbOrTx, member: CompactMember, threads: ReturnType<typeof threadRows>) {
  const byThread = groupBy(
    commentRows(
      db,
      threads.map((thread) => thread.id),
    ),
    (comment) => comment.threadId,
  );
  // Nothing is written in an archived compact: its threads are listed with no action offered.
  const writes = may(member, 'comment');
  return threads.map(({ anchorStart, anchorEnd, resolvedAt, resolvedByName, ...thread }) => ({
    ...thread,
    anchor: { start: anchorStart, end: anchorEnd },
    resolved: resolvedAt ? { at: resolvedAt, byName: resolvedByName ?? '' } : null,
    can: { settle: writes && settleThreadRefusal(member, thread) === null, reply: writes && resolvedAt === null },
    comments: (byThread.get(thread.id) ?? []).map(({ deletedAt, ...comment }) => ({
      id: comment.id,
      authorId: comment.authorId,
      authorName: comment.authorName,
      partyCode: comment.partyCode,
      body: comment.body,
      createdAt: comment.createdAt,
      deleted: deletedAt !== null,
      can: { delete: writes && deletedAt === null && deleteCommentRefusal(member, comment) === null },
    })),
  }));
}

/**
 * One page of the compact's comment threads the member may see, newest first, each with its
 * comments (oldest first), author names and party codes, and what the member may do with it.
 * A delegation-only thread of another party is never part of any page.
 */
export function listThreads(db: DbOrTx, member: CompactMember, compactId: string, page: ThreadPageInput = {}) {
  const limit = Math.min(Math.max(page.limit ?? COMMENT_THREADS_PAGE_MAX, 1), COMMENT_THREADS_PAGE_MAX);
  const rows = threadRows(db, member, compactId, after(page.cursor), limit);
  const threads = rows.slice(0, limit);
  const last = threads[threads.length - 1];
  return {
    threads: presentThreads(db, member, threads),
    nextCursor: rows.length > limit && last ? `${last.createdAt.getTime()}.${last.id}` : null,
  };
}

export type ListedThread = ReturnType<typeof listThreads>['threads'][number];

/** One thread as the list shows it (answered by the procedures that change a thread), or NOT_FOUND. */
export function visibleThreadById(db: DbOrTx, member: CompactMember, compactId: string, threadId: string) {
  const [thread] = presentThreads(db, member, threadRows(db, member, compactId, eq(commentThreads.id, threadId), 1));
  if (!thread) throw new DomainError('NOT_FOUND', { key: 'errors.threadList.noSuchCommentThread' });
  return thread;
}
