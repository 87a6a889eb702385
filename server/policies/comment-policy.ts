import 'server-only';
import type { CommentVisibility } from '@/shared/comments/comment-rules';
import type { CompactMember } from './compact-member';
import type { Refusal } from './authorize';

export interface CommentThreadSubject {
  partyId: string;
  visibility: CommentVisibility;
}

/**
 * A delegation-only thread exists, for everyone outside the author's party, not at all: services
 * answer NOT_FOUND for it exactly as for a thread that does not exist.
 */
export function maySeeThread(member: Pick<CompactMember, 'partyId'>, thread: CommentThreadSubject): boolean {
  return thread.visibility === 'all' || thread.partyId === member.partyId;
}

/** A thread is resolved and reopened by its author's party (any of its members), or by the compact's chair (an admin). */
export function settleThreadRefusal(
  member: Pick<CompactMember, 'partyId' | 'role'>,
  thread: CommentThreadSubject,
): Refusal {
  return member.role === 'admin' || thread.partyId === member.partyId
    ? null
    : { key: 'errors.comment.onlyPartyThatOpened' };
}

/** A comment is deleted only by the person who wrote it. */
export function deleteCommentRefusal(member: Pick<CompactMember, 'userId'>, comment: { authorId: string }): Refusal {
  return comment.authorId === member.userId ? null : { key: 'errors.comment.youMayDeleteOnly' };
}
