import type { Problem } from '@/i18n/types';
// The rules of comment threads on the compact text, written once (panel, API schema, service). Pure.

/** Who sees a thread: every member of the compact, or only the members of the author's party. */
export const COMMENT_VISIBILITIES = ['all', 'delegation'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

/** The longest comment body. */
export const COMMENT_BODY_MAX = 4000;
/** The longest text a thread may be anchored to (the quote the server stores). */
export const COMMENT_QUOTE_MAX = 2000;
/** The longest encoded anchor end (base64 of a Yjs relative position: a few dozen characters in practice). */
export const COMMENT_ANCHOR_MAX = 256;
/**
 * Threads one party may hold in a compact, of either visibility (not counting threads whose
 * comments were all deleted). Counted per party, so that no party fills the compact for the others,
 * and the count reveals nothing of another party's delegation-only threads.
 */
export const COMMENT_THREADS_PER_PARTY_MAX = 1000;
/** Comments (the first one and its replies) a thread may hold. */
export const COMMENTS_PER_THREAD_MAX = 100;
/** Threads per page of the list. */
export const COMMENT_THREADS_PAGE_MAX = 50;

/** A body as stored: surrounding blank space trimmed. */
export const normaliseCommentBody = (body: string) => body.trim();

/** Why a body cannot be stored, or null. */
export function commentBodyProblem(body: string): Problem | null {
  const clean = normaliseCommentBody(body);
  if (clean.length === 0) return { key: 'errors.comment.writeCommentFirst' };
  if (clean.length > COMMENT_BODY_MAX)
    return { key: 'errors.comment.commentHasMostCharacters', args: { max: COMMENT_BODY_MAX } };
  return null;
}
