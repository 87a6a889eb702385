import 'server-only';
import { z } from 'zod';
import {
  acceptInvite,
  describeInvite,
  listPendingInvitations,
  respondToInvitation,
} from '@/server/services/invitations';
import { completePasswordReset, describePasswordReset } from '@/server/services/password-resets';
import { validatesAnywhere } from '@/server/services/framework/validation-queue';
import { displayNameSchema } from '@/shared/display-name-rules';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/server/services/password-rules';
import { signInAfterInvitation } from '@/server/auth/invitation-session';
import { isAppLocale, LOCALES } from '@/i18n/locales';
import { LOCALE_COOKIE } from '@/i18n/resolve-locale';
import { cookieValue } from '@/server/i18n/request-locale';
import { setAccountLocale } from '@/server/services/account-locale';
import { rememberLocale } from '@/server/i18n/locale-cookie';
import { authedProcedure, publicProcedure, router } from '../init';
import { tokenLinkProcedure } from '../token-link-procedure';
import { tooManyRequests } from '../too-many-requests';

const tokenInput = z.object({ token: z.string().min(20).max(100) });
const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);
const invitationInput = z.object({ invitationId: z.string().min(1).max(64) });

// There is deliberately no way to rename yourself: display names are set at invitation and by
// administrators (members.rename), so nobody can take a colleague's name.
export const accountRouter = router({
  me: authedProcedure.query(({ ctx }) => {
    const { sessionToken: _token, ...me } = ctx.actor;
    return { ...me, validatesAnywhere: validatesAnywhere(ctx.handle.db, ctx.actor.userId) };
  }),
  /**
   * Chooses the interface language: saved on the account when signed in (it wins on every later
   * request, on any browser), and always remembered by this browser's `cw-locale` cookie.
   */
  setLocale: publicProcedure.input(z.enum(LOCALES)).mutation(({ ctx, input }) => {
    const saved = ctx.actor ? setAccountLocale(ctx.handle.db, ctx.actor, input) : null;
    if (saved?.retryAfterSeconds) throw tooManyRequests('errors.tooMany.localeChanges', saved.retryAfterSeconds);
    rememberLocale(ctx.http, input);
    return { locale: input };
  }),
  invite: tokenLinkProcedure.input(tokenInput).query(({ ctx, input }) => describeInvite(ctx.handle.db, input.token)),
  /** New people set a name and password; existing accounts must be signed in as themselves. */
  acceptInvite: tokenLinkProcedure
    .input(tokenInput.extend({ name: displayNameSchema.optional(), password: passwordSchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      // A language chosen on this browser (the switcher's cookie) wins over the invitation's.
      const chosen = cookieValue(ctx.http.headers, LOCALE_COOKIE);
      const locale = isAppLocale(chosen) ? chosen : null;
      const result = await acceptInvite(ctx.handle.db, ctx.actor, input.token, { ...input, locale });
      // An existing account accepted while signed in; a new one is signed in with the password it just chose.
      const signedIn =
        result.joined ||
        (input.password !== undefined &&
          (await signInAfterInvitation(ctx.handle, ctx.http, { email: result.email, password: input.password })));
      return { ...result, signedIn };
    }),
  pendingInvitations: authedProcedure.query(({ ctx }) => listPendingInvitations(ctx.handle.db, ctx.actor)),
  acceptInvitation: authedProcedure
    .input(invitationInput)
    .mutation(({ ctx, input }) => respondToInvitation(ctx.handle.db, ctx.actor, input.invitationId, 'accept')),
  declineInvitation: authedProcedure
    .input(invitationInput)
    .mutation(({ ctx, input }) => respondToInvitation(ctx.handle.db, ctx.actor, input.invitationId, 'decline')),
  passwordReset: tokenLinkProcedure
    .input(tokenInput)
    .query(({ ctx, input }) => describePasswordReset(ctx.handle.db, input.token)),
  resetPassword: tokenLinkProcedure
    .input(tokenInput.extend({ password: passwordSchema }))
    .mutation(({ ctx, input }) => completePasswordReset(ctx.handle.db, input.token, input)),
});
