import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { comments, commentThreads } from '@/db/schema/comments';
import { authorize } from '@/server/policies/authorize';
import { deleteCommentRefusal, settleThreadRefusal } from '@/server/policies/comment-policy';
import type { CompactMember } from '@/server/policies/compact-member';
import {
  COMMENT_THREADS_PER_PARTY_MAX,
  COMMENTS_PER_THREAD_MAX,
  commentBodyProblem,
  normaliseCommentBody,
  type CommentVisibility,
} from '@/shared/comments/comment-rules';
import { recordAuditEvent } from '../audit';
import { loadDoc } from '../document-store';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import { provisionIdsOf, resolveAnchor, type EncodedAnchor } from './anchor';
import { requireVisibleComment, requireVisibleThread, type ThreadSubject } from './thread-access';
import { visibleThreadById } from './thread-list';

export interface NewThreadInput {
  anchor: EncodedAnchor;
  /** The provision holding the selection (null in a section heading): the fallback anchor. */
  provisionId: string | null;
  visibility: CommentVisibility;
  body: string;
}

function validBody(body: string): string {
  const problem = commentBodyProblem(body);
  if (problem) throw new DomainError('BAD_REQUEST', problem);
  return normaliseCommentBody(body);
}

/** Reads the quote and checks the fallback provision against the stored document (nothing is written). */
function anchorInDocument(db: Db, compactId: string, input: NewThreadInput) {
  const { doc } = loadDoc(db, compactId);
  try {
    if (input.provisionId !== null && !provisionIdsOf(doc).has(input.provisionId))
      throw new DomainError('BAD_REQUEST', { key: 'errors.threadWrites.thereNoProvisionId' });
    const anchored = resolveAnchor(doc, input.anchor);
    if (anchored.provisionId !== input.provisionId)
      throw new DomainError('BAD_REQUEST', { key: 'errors.threadWrites.selectedTextNotProvision' });
    return anchored;
  } finally {
    doc.destroy();
  }
}

function insertComment(tx: Tx, member: CompactMember, threadId: string, body: string, createdAt: Date) {
  const id = newId();
  tx.insert(comments).values({ id, threadId, authorId: member.userId, partyId: member.partyId, body, createdAt }).run();
  return id;
}

/**
 * Opens a thread on a range of the compact text with its first comment. The quote is read by the
 * server from the stored document at the anchor; the client never supplies it.
 */
export function createThread(db: Db, member: CompactMember, compactId: string, input: NewThreadInput) {
  const body = validBody(input.body);
  const { quote, provisionId } = anchorInDocument(db, compactId, input);
  const threadId = db.transaction((tx) => {
    // Only the member's own party's threads count: they may see every one of them.
    const [{ n }] = tx
      .select({ n: count() })
      .from(commentThreads)
      .where(
        and(
          eq(commentThreads.compactId, compactId),
          eq(commentThreads.partyId, member.partyId),
          isNull(commentThreads.deletedAt),
        ),
      )
      .all() as [{ n: number }];
    if (n >= COMMENT_THREADS_PER_PARTY_MAX)
      throw new DomainError('CONFLICT', {
        key: 'errors.threadWrites.yourDelegationAlreadyHolds',
        args: { max: COMMENT_THREADS_PER_PARTY_MAX },
      });
    const id = newId();
    const createdAt = new Date();
    tx.insert(commentThreads)
      .values({
        id,
        compactId,
        provisionId,
        anchorStart: input.anchor.start,
        anchorEnd: input.anchor.end,
        quote,
        visibility: input.visibility,
        authorId: member.userId,
        partyId: member.partyId,
        createdAt,
      })
      .run();
    insertComment(tx, member, id, body, createdAt);
    // Neither the quote nor the words go into the audit record, which every reviewer reads; nor,
    // for a delegation thread, the provision it is on: that stays within its party.
    recordAuditEvent(tx, member, {
      compactId,
      action: 'commentThread.created',
      entityType: 'commentThread',
      entityId: id,
      after: { visibility: input.visibility, ...(input.visibility === 'all' && { provisionId }) },
    });
    return id;
  });
  return visibleThreadById(db, member, compactId, threadId);
}

/** Adds a reply to an open thread the member may see. */
export function replyToThread(db: Db, member: CompactMember, compactId: string, threadId: string, rawBody: string) {
  const body = validBody(rawBody);
  db.transaction((tx) => {
    const thread = requireVisibleThread(tx, member, compactId, threadId);
    if (thread.resolvedAt) throw new DomainError('CONFLICT', { key: 'errors.threadWrites.threadResolvedReopenReply' });
    const [{ n }] = tx.select({ n: count() }).from(comments).where(eq(comments.threadId, threadId)).all() as [
      { n: number },
    ];
    if (n >= COMMENTS_PER_THREAD_MAX)
      throw new DomainError('CONFLICT', {
        key: 'errors.threadWrites.threadHoldsMostComments',
        args: { max: COMMENTS_PER_THREAD_MAX },
      });
    insertComment(tx, member, threadId, body, new Date());
  });
  return visibleThreadById(db, member, compactId, threadId);
}

function settle(db: Db, member: CompactMember, compactId: string, threadId: string, resolve: boolean) {
  db.transaction((tx) => {
    const thread: ThreadSubject = requireVisibleThread(tx, member, compactId, threadId);
    authorize(settleThreadRefusal(member, thread));
    if ((thread.resolvedAt !== null) === resolve)
      throw new DomainError(
        'CONFLICT',
        resolve
          ? { key: 'errors.threadWrites.threadAlreadyResolved' }
          : { key: 'errors.threadWrites.threadAlreadyOpen' },
      );
    tx.update(commentThreads)
      .set(resolve ? { resolvedAt: new Date(), resolvedBy: member.userId } : { resolvedAt: null, resolvedBy: null })
      .where(eq(commentThreads.id, threadId))
      .run();
    recordAuditEvent(tx, member, {
      compactId,
      action: resolve ? 'commentThread.resolved' : 'commentThread.reopened',
      entityType: 'commentThread',
      entityId: threadId,
    });
  });
  return visibleThreadById(db, member, compactId, threadId);
}

/** Marks a thread resolved (its author's party or an admin). */
export const resolveThread = (db: Db, member: CompactMember, compactId: string, threadId: string) =>
  settle(db, member, compactId, threadId, true);

/** Reopens a resolved thread (its author's party or an admin). */
export const reopenThread = (db: Db, member: CompactMember, compactId: string, threadId: string) =>
  settle(db, member, compactId, threadId, false);

/**
 * Deletes one's own comment: its words are erased, its place stays (so replies keep their
 * context). A thread whose every comment is deleted is deleted with its last one and no longer
 * listed. Answers whether the thread is gone.
 */
export function deleteComment(db: Db, member: CompactMember, compactId: string, commentId: string) {
  return db.transaction((tx) => {
    const { comment, thread } = requireVisibleComment(tx, member, compactId, commentId);
    authorize(deleteCommentRefusal(member, comment));
    const now = new Date();
    tx.update(comments).set({ body: '', deletedAt: now }).where(eq(comments.id, commentId)).run();
    const [{ n: left }] = tx
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.threadId, thread.id), isNull(comments.deletedAt)))
      .all() as [{ n: number }];
    if (left === 0) tx.update(commentThreads).set({ deletedAt: now }).where(eq(commentThreads.id, thread.id)).run();
    recordAuditEvent(tx, member, {
      compactId,
      action: 'comment.deleted',
      entityType: 'comment',
      entityId: commentId,
      after: { threadId: thread.id, threadDeleted: left === 0 },
    });
    return { threadId: thread.id, threadDeleted: left === 0 };
  });
}
