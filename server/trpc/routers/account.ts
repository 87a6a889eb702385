import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../auth/auth';
import { acceptInvite, completePasswordReset, describeInvite, describePasswordReset } from '../../services/access-links';
import { authedProcedure, router } from '../init';
import { tokenLinkProcedure } from '../token-link-procedure';

const tokenInput = z.object({ token: z.string().min(20).max(100) });
const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(128);

export const accountRouter = router({
  me: authedProcedure.query(({ ctx }) => {
    const { sessionToken: _token, ...me } = ctx.actor;
    return me;
  }),
  invite: tokenLinkProcedure.input(tokenInput).query(({ ctx, input }) => describeInvite(ctx.handle.db, input.token)),
  acceptInvite: tokenLinkProcedure
    .input(tokenInput.extend({ name: z.string().trim().min(1).max(120).optional(), password: passwordSchema.optional() }))
    .mutation(({ ctx, input }) => acceptInvite(ctx.handle.db, input.token, input)),
  passwordReset: tokenLinkProcedure.input(tokenInput).query(({ ctx, input }) => describePasswordReset(ctx.handle.db, input.token)),
  resetPassword: tokenLinkProcedure
    .input(tokenInput.extend({ password: passwordSchema }))
    .mutation(({ ctx, input }) => completePasswordReset(ctx.handle.db, input.token, input)),
});
