import 'server-only';
import { signingMember, signOffPermissions } from '@/server/policies/sign-off-policy';
import { signOffStatus } from '@/server/services/sign-offs/sign-off-status';
import { signVersion, withdrawSignOff } from '@/server/services/sign-offs/sign-offs';
import { signInputSchema, withdrawInputSchema } from '@/shared/history/sign-off-rules';
import { heavyCompactProcedure } from '../heavy-calls';
import { compactProcedure, router } from '../init';

/**
 * Parties' sign-offs of named versions. Every member reads them; signing and withdrawing are for
 * signatories (a flag of the membership, not a role), for their own membership's party: the policy
 * (server/policies/sign-off-policy.ts) decides in the service.
 */
export const signOffsRouter = router({
  /** Each party's standing against the current text (rendered when it changed: a heavy call), and what the caller may do. */
  status: heavyCompactProcedure('read').query(({ ctx, input }) => ({
    ...signOffStatus(ctx.handle.db, input.compactId),
    me: { ...signOffPermissions(signingMember(ctx.member, ctx.membership)), partyCode: ctx.membership.partyShortCode },
  })),
  /** Signs a named version on behalf of the caller's party, with an optional statement. */
  sign: compactProcedure('read')
    .input(signInputSchema)
    .mutation(({ ctx, input }) => signVersion(ctx.handle.db, signingMember(ctx.member, ctx.membership), input)),
  /** Withdraws the caller's party's sign-off, with an optional reason (recorded, never erased). */
  withdraw: compactProcedure('read')
    .input(withdrawInputSchema)
    .mutation(({ ctx, input }) => withdrawSignOff(ctx.handle.db, signingMember(ctx.member, ctx.membership), input)),
});
