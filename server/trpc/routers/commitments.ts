import 'server-only';
import {
  createCommitment,
  listCommitments,
  retireCommitment,
  updateCommitment,
} from '@/server/services/framework/commitments';
import { compactProcedure, router } from '../init';
import { commitmentInput, id } from '../schemas/framework';
import { z } from 'zod';

const target = z.object({ commitmentId: id });

export const commitmentsRouter = router({
  list: compactProcedure('read').query(({ ctx, input }) => listCommitments(ctx.handle.db, input.compactId)),
  create: compactProcedure('manageFramework')
    .input(commitmentInput)
    .mutation(({ ctx, input }) => createCommitment(ctx.handle.db, ctx.member, input.compactId, input)),
  update: compactProcedure('manageFramework')
    .input(commitmentInput.extend(target.shape))
    .mutation(({ ctx, input: { compactId, commitmentId, ...fields } }) =>
      updateCommitment(ctx.handle.db, ctx.member, compactId, commitmentId, fields),
    ),
  retire: compactProcedure('manageFramework')
    .input(target)
    .mutation(({ ctx, input }) => retireCommitment(ctx.handle.db, ctx.member, input.compactId, input.commitmentId)),
});
