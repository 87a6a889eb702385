import 'server-only';
import { z } from 'zod';
import { requestPasswordReset, selfServiceResetAvailable } from '@/server/services/forgot-password';
import { publicProcedure, router } from '../init';
import { tooManyRequests } from '../too-many-requests';

/** "Forgot password?" (signed out): the same answer whatever the address. */
export const passwordHelpRouter = router({
  /** Whether a reset link can be e-mailed (SMTP configured); otherwise the page says to ask an administrator. */
  available: publicProcedure.query(() => ({ selfService: selfServiceResetAvailable() })),
  request: publicProcedure
    .input(z.object({ email: z.string().trim().min(3).max(320).email('Enter an e-mail address.') }))
    .mutation(({ ctx, input }) => {
      const answer = requestPasswordReset(ctx.handle.db, {
        email: input.email,
        clientAddress: ctx.clientAddress,
        locale: ctx.locale,
      });
      if (answer.status === 'throttled')
        throw tooManyRequests('errors.tooMany.passwordReset', answer.retryAfterSeconds);
      return { status: answer.status };
    }),
});
