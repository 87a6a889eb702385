import 'server-only';
import { z } from 'zod';
import { listThreads } from '@/server/services/comments/thread-list';
import {
  createThread,
  deleteComment,
  reopenThread,
  replyToThread,
  resolveThread,
} from '@/server/services/comments/thread-writes';
import {
  COMMENT_ANCHOR_MAX,
  COMMENT_BODY_MAX,
  COMMENT_THREADS_PAGE_MAX,
  COMMENT_VISIBILITIES,
} from '@/shared/comments/comment-rules';
import { heavyCompactProcedure } from '../heavy-calls';
import { compactProcedure, router } from '../init';
import { id } from '../schemas/framework';
import { provisionIdSchema } from '../schemas/provision';

const anchorEnd = z.string().min(1).max(COMMENT_ANCHOR_MAX);
const body = z.string().max(COMMENT_BODY_MAX, `A comment has at most ${COMMENT_BODY_MAX} characters.`);
const thread = z.object({ threadId: id });

/** Comment threads on the compact text; every role may comment (the quote is always the server's reading). */
export const commentsRouter = router({
  list: compactProcedure('comment')
    .input(
      z.object({
        cursor: z.string().max(100).nullish(),
        limit: z.number().int().min(1).max(COMMENT_THREADS_PAGE_MAX).optional(),
      }),
    )
    .query(({ ctx, input }) => listThreads(ctx.handle.db, ctx.member, input.compactId, input)),
  // Reads the whole stored text (to check the anchor and take the quote): a heavy call, in turns.
  create: heavyCompactProcedure('comment')
    .input(
      z.object({
        anchor: z.object({ start: anchorEnd, end: anchorEnd }),
        provisionId: provisionIdSchema.nullable(),
        visibility: z.enum(COMMENT_VISIBILITIES),
        body,
      }),
    )
    .mutation(({ ctx, input: { compactId, ...input } }) => createThread(ctx.handle.db, ctx.member, compactId, input)),
  reply: compactProcedure('comment')
    .input(thread.extend({ body }))
    .mutation(({ ctx, input }) =>
      replyToThread(ctx.handle.db, ctx.member, input.compactId, input.threadId, input.body),
    ),
  resolve: compactProcedure('comment')
    .input(thread)
    .mutation(({ ctx, input }) => resolveThread(ctx.handle.db, ctx.member, input.compactId, input.threadId)),
  reopen: compactProcedure('comment')
    .input(thread)
    .mutation(({ ctx, input }) => reopenThread(ctx.handle.db, ctx.member, input.compactId, input.threadId)),
  deleteComment: compactProcedure('comment')
    .input(z.object({ commentId: id }))
    .mutation(({ ctx, input }) => deleteComment(ctx.handle.db, ctx.member, input.compactId, input.commentId)),
});
