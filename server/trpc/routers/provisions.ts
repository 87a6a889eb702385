import 'server-only';
import { indicatorsByProvision } from '@/server/services/framework/provision-indicators';
import { z } from 'zod';
import { partyLegend } from '@/server/services/negotiation/party-legend';
import { provisionDecisions } from '@/server/services/negotiation/provision-decisions';
import { provisionIdSchema } from '../schemas/provision';
import { provisionChoice, storedProvisions } from '@/server/services/negotiation/stored-provisions';
import { compactProcedure, router } from '../init';
import { heavyCompactProcedure } from '../heavy-calls';

/** What the negotiation views show beside the live text (the text itself comes over the collaboration socket). */
export const provisionsRouter = router({
  /** The provisions of the stored text (citation, first words, section): what indicators and commitments link to. */
  list: heavyCompactProcedure('read').query(({ ctx, input }) =>
    storedProvisions(ctx.handle.db, input.compactId)
      .filter((provision) => provision.id !== null)
      .map(provisionChoice),
  ),
  /** Every party's name, short code and colour, for the labels and legend of brackets and options. */
  partyLegend: compactProcedure('read').query(({ ctx, input }) => partyLegend(ctx.handle.db, input.compactId)),
  /** Who declared what on one provision, and when (state changes, option decisions, demotions), newest first. */
  decisions: compactProcedure('read')
    .input(z.object({ provisionId: provisionIdSchema }))
    .query(({ ctx, input }) => provisionDecisions(ctx.handle.db, input.compactId, input.provisionId)),
  /** The indicators linked to each provision, with their headline status (the provision gutter badges). */
  indicators: heavyCompactProcedure('read').query(({ ctx, input }) =>
    indicatorsByProvision(ctx.handle.db, input.compactId),
  ),
});
