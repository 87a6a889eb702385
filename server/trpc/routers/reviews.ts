import 'server-only';
import { z } from 'zod';
import { reviewCycleView } from '@/server/services/reviews/cycle-view';
import { listCycles } from '@/server/services/reviews/cycle-queries';
import { addFinding, listFindings, setFindingStatus } from '@/server/services/reviews/findings';
import { closeReviewCycle, openReviewCycle } from '@/server/services/reviews/open-cycle';
import { addFindingSchema, openCycleSchema, setFindingStatusSchema } from '@/shared/reviews/review-rules';
import { heavyCompactProcedure } from '../heavy-calls';
import { compactProcedure, router } from '../init';

const cycleId = z.object({ cycleId: z.string().min(1).max(64) });

/** Annual review cycles: the text and indicator data frozen at a cut-off, and the reviewers' findings. */
export const reviewsRouter = router({
  /** The compact's cycles, latest cut-off first. */
  list: compactProcedure('read').query(({ ctx, input }) => listCycles(ctx.handle.db, input.compactId)),
  /** One cycle as reviewers see it: the redline since the previous cycle, indicator status changes, changes since. */
  get: heavyCompactProcedure('read')
    .input(cycleId)
    .query(({ ctx, input }) => reviewCycleView(ctx.handle, input.compactId, input.cycleId)),
  /** Opens a cycle: freezes the text and the validated indicator data as of the end of the cut-off day (UTC). */
  open: heavyCompactProcedure('manageReviews')
    .input(openCycleSchema)
    .mutation(({ ctx, input }) => openReviewCycle(ctx.handle.db, ctx.member, input)),
  /** Closes a cycle (recorded); its findings no longer change. */
  close: compactProcedure('manageReviews')
    .input(cycleId)
    .mutation(({ ctx, input }) => closeReviewCycle(ctx.handle.db, ctx.member, input.compactId, input.cycleId)),
  /** A cycle's findings and questions. */
  findings: compactProcedure('read')
    .input(cycleId)
    .query(({ ctx, input }) => listFindings(ctx.handle.db, input.compactId, input.cycleId)),
  /** Records a finding or question about a provision, an indicator or the compact in general. */
  addFinding: heavyCompactProcedure('recordFindings')
    .input(addFindingSchema)
    .mutation(({ ctx, input }) => addFinding(ctx.handle.db, ctx.member, input)),
  /** Marks a question answered, or closes a finding or question. */
  setFindingStatus: compactProcedure('recordFindings')
    .input(setFindingStatusSchema)
    .mutation(({ ctx, input }) => setFindingStatus(ctx.handle.db, ctx.member, input)),
});
