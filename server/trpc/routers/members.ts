import 'server-only';
import { z } from 'zod';
import { LOCALES } from '@/i18n/locales';
import { COMPACT_ROLES } from '@/shared/roles';
import { displayNameSchema } from '@/shared/display-name-rules';
import { inviteMember } from '@/server/services/invitations';
import { listCompactInvitations, reissueInvitation, revokeInvitation } from '@/server/services/invitation-admin';
import { deactivateMember, listMembersFor, removeMember, renameMember, updateMember } from '@/server/services/members';
import { issuePasswordResetLink } from '@/server/services/password-resets';
import type { Actor } from '@/server/auth/actor';
import type { CompactMember } from '@/server/policies/compact-member';
import { compactProcedure, router } from '../init';

const memberInput = z.object({ userId: z.string().min(1).max(64) });
const invitationInput = z.object({ invitationId: z.string().min(1).max(64) });
const roleInput = z.object({ role: z.enum(COMPACT_ROLES), signatory: z.boolean() });
/** A membership's party never changes: an update naming one is refused, not silently ignored. */
const noPartyChange = z
  .undefined({ error: "A member's party never changes: remove them and invite them again for the other party." })
  .optional();

/** The managing admin as the member services see them: their party in this compact, and whether they run the instance. */
const manager = (ctx: { member: CompactMember; actor: Actor }) => ({
  ...ctx.member,
  isInstanceAdmin: ctx.actor.isInstanceAdmin,
});

export const membersRouter = router({
  list: compactProcedure('read').query(({ ctx, input }) =>
    listMembersFor(ctx.handle.db, manager(ctx), input.compactId),
  ),
  invite: compactProcedure('manageMembers')
    .input(
      roleInput.extend({
        email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
        partyId: z.string().min(1).max(64),
        /** The invitation's language; the inviter's own when not given. */
        locale: z.enum(LOCALES).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      inviteMember(ctx.handle.db, ctx.member, input.compactId, { ...input, locale: input.locale ?? ctx.locale }),
    ),
  update: compactProcedure('manageMembers')
    .input(memberInput.extend({ ...roleInput.shape, partyId: noPartyChange }))
    .mutation(({ ctx, input }) =>
      updateMember(ctx.handle.db, ctx.member, input.compactId, input.userId, {
        role: input.role,
        signatory: input.signatory,
      }),
    ),
  rename: compactProcedure('manageMembers')
    .input(memberInput.extend({ name: displayNameSchema }))
    .mutation(({ ctx, input }) => renameMember(ctx.handle.db, manager(ctx), input.compactId, input.userId, input.name)),
  remove: compactProcedure('manageMembers')
    .input(memberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.handle.db, ctx.member, input.compactId, input.userId)),
  passwordResetLink: compactProcedure('manageMembers')
    .input(memberInput)
    .mutation(({ ctx, input }) => issuePasswordResetLink(ctx.handle.db, manager(ctx), input.compactId, input.userId)),
  deactivate: compactProcedure('manageMembers')
    .input(memberInput)
    .mutation(({ ctx, input }) => deactivateMember(ctx.handle.db, manager(ctx), input.compactId, input.userId)),
  invitations: compactProcedure('manageMembers').query(({ ctx, input }) =>
    listCompactInvitations(ctx.handle.db, input.compactId),
  ),
  revokeInvitation: compactProcedure('manageMembers')
    .input(invitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.handle.db, ctx.member, input.compactId, input.invitationId)),
  reissueInvitation: compactProcedure('manageMembers')
    .input(invitationInput)
    .mutation(({ ctx, input }) => reissueInvitation(ctx.handle.db, ctx.member, input.compactId, input.invitationId)),
});
