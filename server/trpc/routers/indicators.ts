import 'server-only';
import { oncePerRequest } from '@/server/services/request-keys';
import { requestKey } from '../schemas/request-key';
import { z } from 'zod';
import { indicatorDetail } from '@/server/services/framework/indicator-detail';
import {
  acceptIndicator,
  createIndicator,
  listIndicators,
  requireIndicator,
  retireIndicator,
  updateIndicator,
} from '@/server/services/framework/indicators';
import { setTarget } from '@/server/services/framework/targets';
import { heavyCompactProcedure } from '../heavy-calls';
import { compactProcedure, router } from '../init';
import { id, indicatorDefinition, targetInput, targetTableRow } from '../schemas/framework';
import { saveTargetTable } from '@/server/services/framework/target-table';
import { MAX_TARGET_TABLE_ROWS } from '@/shared/framework/target-table';

const target = z.object({ indicatorId: id });

export const indicatorsRouter = router({
  list: compactProcedure('read').query(({ ctx, input }) => listIndicators(ctx.handle.db, input.compactId)),
  /** One indicator's definition (the edit form). */
  byId: compactProcedure('read')
    .input(target)
    .query(({ ctx, input }) => requireIndicator(ctx.handle.db, input.compactId, input.indicatorId)),
  detail: compactProcedure('read')
    .input(target)
    .query(({ ctx, input }) => indicatorDetail(ctx.handle.db, ctx.member, input.compactId, input.indicatorId)),
  // A definition naming a provision is checked against the whole stored text: heavy calls, in turns.
  create: heavyCompactProcedure('manageFramework')
    .input(indicatorDefinition.extend({ requestKey }))
    .mutation(({ ctx, input: { compactId, requestKey: key, ...definition } }) =>
      oncePerRequest(ctx.handle.db, ctx.actor.userId, key, `indicators.create:${compactId}`, () =>
        createIndicator(ctx.handle.db, ctx.member, compactId, definition, 'active'),
      ),
    ),
  /** Negotiators propose; the indicator waits as `proposed` until an admin accepts it. */
  propose: heavyCompactProcedure('proposeIndicator')
    .input(indicatorDefinition)
    .mutation(({ ctx, input: { compactId, ...definition } }) =>
      createIndicator(ctx.handle.db, ctx.member, compactId, definition, 'proposed'),
    ),
  accept: compactProcedure('manageFramework')
    .input(target)
    .mutation(({ ctx, input }) => acceptIndicator(ctx.handle.db, ctx.member, input.compactId, input.indicatorId)),
  update: heavyCompactProcedure('manageFramework')
    .input(indicatorDefinition.extend(target.shape))
    .mutation(({ ctx, input: { compactId, indicatorId, ...definition } }) =>
      updateIndicator(ctx.handle.db, ctx.member, compactId, indicatorId, definition),
    ),
  retire: compactProcedure('manageFramework')
    .input(target)
    .mutation(({ ctx, input }) => retireIndicator(ctx.handle.db, ctx.member, input.compactId, input.indicatorId)),
  setTarget: compactProcedure('manageFramework')
    .input(target.extend({ target: targetInput }))
    .mutation(({ ctx, input }) =>
      setTarget(ctx.handle.db, ctx.member, input.compactId, input.indicatorId, input.target),
    ),
  /** The targets table: many periods' and years' targets set or cleared at once, all or nothing. */
  setTargets: compactProcedure('manageFramework')
    .input(target.extend({ rows: z.array(targetTableRow).min(1).max(MAX_TARGET_TABLE_ROWS) }))
    .mutation(({ ctx, input }) =>
      saveTargetTable(ctx.handle.db, ctx.member, input.compactId, input.indicatorId, input.rows),
    ),
});
