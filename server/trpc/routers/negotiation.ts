import 'server-only';
import { z } from 'zod';
import { AGREEMENT_STATES, PROVISION_ID_PATTERN } from '@/shared/negotiation/vocabulary';
import { DomainError } from '@/server/services/domain-error';
import { compactProcedure, router } from '../init';

const provisionId = z.string().regex(PROVISION_ID_PATTERN, 'Not a provision id.');

/** The chair's decisions on the text. Placeholder bodies: the server write path for them is being built. */
export const negotiationRouter = router({
  setProvisionState: compactProcedure('chairNegotiation')
    .input(z.object({ provisionId, state: z.enum(AGREEMENT_STATES) }))
    .mutation((): { updateId: number } => {
      throw new DomainError('BAD_REQUEST', 'Not available yet');
    }),
  /** optionIndex: 0-based among the provision's options; null keeps the provision's own wording and drops them all. */
  acceptOption: compactProcedure('chairNegotiation')
    .input(z.object({ provisionId, optionIndex: z.number().int().min(0).max(99).nullable() }))
    .mutation((): { updateId: number } => {
      throw new DomainError('BAD_REQUEST', 'Not available yet');
    }),
});
