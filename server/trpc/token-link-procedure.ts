import 'server-only';
import {
  countTokenLinkAttempt,
  forgiveTokenLinkAttempt,
  tokenLinkRetryAfterSeconds,
} from '../auth/token-link-throttle';
import { publicProcedure } from './init';
import { tooManyRequests } from './too-many-requests';

/**
 * A public procedure taking an invitation or password-reset token: throttled per client
 * address like sign-in, so nobody can guess tokens or make the server hash passwords on demand.
 */
export const tokenLinkProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const { db } = ctx.handle;
  const retryAfter = tokenLinkRetryAfterSeconds(db, ctx.clientAddress);
  if (retryAfter > 0) {
    throw tooManyRequests('errors.tooMany.links', retryAfter);
  }
  countTokenLinkAttempt(db, ctx.clientAddress);
  const result = await next();
  if (result.ok) forgiveTokenLinkAttempt(db, ctx.clientAddress);
  return result;
});
