import 'server-only';
import { oncePerRequest } from '@/server/services/request-keys';
import { requestKey } from '../schemas/request-key';
import {
  createCommitment,
  listCommitmentsWithProvisions,
  retireCommitment,
  updateCommitment,
} from '@/server/services/framework/commitments';
import { compactProcedure, router } from '../init';
import { heavyCompactProcedure } from '../heavy-calls';
import { commitmentInput, id } from '../schemas/framework';
import { z } from 'zod';

const target = z.object({ commitmentId: id });

export const commitmentsRouter = router({
  /** With each linked provision's citation (one read of the stored text at most: a heavy call). */
  list: heavyCompactProcedure('read').query(({ ctx, input }) =>
    listCommitmentsWithProvisions(ctx.handle.db, input.compactId),
  ),
  // A commitment naming a provision is checked against the whole stored text: heavy calls, in turns.
  create: heavyCompactProcedure('manageFramework')
    .input(commitmentInput.extend({ requestKey }))
    .mutation(({ ctx, input: { requestKey: key, ...input } }) =>
      oncePerRequest(ctx.handle.db, ctx.actor.userId, key, `commitments.create:${input.compactId}`, () =>
        createCommitment(ctx.handle.db, ctx.member, input.compactId, input),
      ),
    ),
  update: heavyCompactProcedure('manageFramework')
    .input(commitmentInput.extend(target.shape))
    .mutation(({ ctx, input: { compactId, commitmentId, ...fields } }) =>
      updateCommitment(ctx.handle.db, ctx.member, compactId, commitmentId, fields),
    ),
  retire: compactProcedure('manageFramework')
    .input(target)
    .mutation(({ ctx, input }) => retireCommitment(ctx.handle.db, ctx.member, input.compactId, input.commitmentId)),
});
