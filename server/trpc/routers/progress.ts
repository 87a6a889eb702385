import 'server-only';
import { z } from 'zod';
import { multilineText } from '@/shared/unsafe-characters';
import { PROGRESS_TEXT_MAX, VALIDATION_NOTE_MAX } from '@/shared/framework/progress-rules';
import { RATINGS } from '@/shared/enums';
import {
  commentOnProgress,
  returnProgress,
  submitProgress,
  validateProgress,
} from '@/server/services/framework/progress';
import { periodSheet } from '@/server/services/framework/progress-sheet';
import { saveProgressDraft } from '@/server/services/framework/progress-drafts';
import { withdrawProgress } from '@/server/services/framework/progress-withdrawal';
import { compactProcedure, router } from '../init';
import { id, progressInput } from '../schemas/framework';

const target = z.object({ updateId: id });

export const progressRouter = router({
  /** The monitor's grid for one period. */
  periodSheet: compactProcedure('reportProgress')
    .input(z.object({ periodId: id }))
    .query(({ ctx, input }) => periodSheet(ctx.handle.db, input.compactId, ctx.member, input.periodId)),
  saveDraft: compactProcedure('reportProgress')
    .input(progressInput)
    .mutation(({ ctx, input: { compactId, ...fields } }) =>
      saveProgressDraft(ctx.handle.db, ctx.member, compactId, fields),
    ),
  submit: compactProcedure('reportProgress')
    .input(target)
    .mutation(({ ctx, input }) => submitProgress(ctx.handle.db, ctx.member, input.compactId, input.updateId)),
  /** Takes back the party's submission before a validator decided on it (back to a draft). */
  withdraw: compactProcedure('reportProgress')
    .input(target)
    .mutation(({ ctx, input }) => withdrawProgress(ctx.handle.db, ctx.member, input.compactId, input.updateId)),
  validate: compactProcedure('validateProgress')
    .input(
      target.extend({
        rating: z.enum(RATINGS).nullable(),
        note: multilineText(0, VALIDATION_NOTE_MAX).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      validateProgress(ctx.handle.db, ctx.member, input.compactId, input.updateId, input.rating, input.note),
    ),
  return: compactProcedure('validateProgress')
    .input(target.extend({ reason: multilineText(3, PROGRESS_TEXT_MAX.comment) }))
    .mutation(({ ctx, input }) =>
      returnProgress(ctx.handle.db, ctx.member, input.compactId, input.updateId, input.reason),
    ),
  comment: compactProcedure('discussProgress')
    .input(target.extend({ body: multilineText(1, PROGRESS_TEXT_MAX.comment) }))
    .mutation(({ ctx, input }) =>
      commentOnProgress(ctx.handle.db, ctx.member, input.compactId, input.updateId, input.body),
    ),
});
