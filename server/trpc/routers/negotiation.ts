import 'server-only';
import { z } from 'zod';
import { acceptOption, setProvisionState } from '@/server/services/negotiation/agreement';
import { OPTION_KEY_PATTERN } from '@/shared/negotiation/provisions';
import { AGREEMENT_STATES } from '@/shared/negotiation/vocabulary';
import { provisionIdSchema as provisionId } from '../schemas/provision';
import { heavyCompactProcedure } from '../heavy-calls';
import { router } from '../init';

/** Generous: a provision with more options than this is not a negotiation any more. */
const MAX_OPTION_INDEX = 99;

export const negotiationRouter = router({
  // Each decision reads the whole stored text, writes through the collaboration server and reads it back: heavy calls, in turns.
  /** The chair declares a provision open, bracketed, agreed ad referendum or agreed. */
  setProvisionState: heavyCompactProcedure('chairNegotiation')
    .input(z.object({ provisionId, state: z.enum(AGREEMENT_STATES) }))
    .mutation(({ ctx, input }) => setProvisionState(ctx.handle.db, ctx.member, input)),
  /**
   * The chair accepts one option (0-based among the provision's options), or keeps the provision's
   * wording (null); CONFLICT when the options are no longer those the chair saw.
   */
  acceptOption: heavyCompactProcedure('chairNegotiation')
    .input(
      z.object({
        provisionId,
        optionIndex: z.number().int().min(0).max(MAX_OPTION_INDEX).nullable(),
        /** The keys of the provision's options as the chair saw them (see optionKey). */
        optionKeys: z.array(z.string().regex(OPTION_KEY_PATTERN, 'Not an option key.')).max(MAX_OPTION_INDEX + 1),
      }),
    )
    .mutation(({ ctx, input }) => acceptOption(ctx.handle.db, ctx.member, input)),
});
