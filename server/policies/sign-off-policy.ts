import 'server-only';
import type { CompactMember } from './compact-member';
import type { Refusal } from './authorize';
import { archivedRefusal } from './archive-policy';

/**
 * A member as the sign-off rules see them: their party and whether their membership makes them a
 * signatory for it (set on invitation and by the compact's admins). Signing is not a role: any
 * member whose membership is `signatory` signs, and only for the party of that membership.
 */
export interface SigningMember extends CompactMember {
  signatory: boolean;
}

export function signingMember(member: CompactMember, membership: { signatory: boolean }): SigningMember {
  return { ...member, signatory: membership.signatory };
}

/**
 * Only a signatory signs, for their own membership's party (never another: the party is not an
 * input) — and nobody signs in an archived compact.
 */
export function signRefusal(member: SigningMember): Refusal {
  return archivedRefusal(member) ?? (member.signatory ? null : { key: 'errors.signOff.onlySignatoryYourParty' });
}

/** A sign-off is withdrawn by a signatory of the party that gave it (not only the person who signed). */
export function withdrawSignOffRefusal(member: SigningMember, signOff: { partyId: string }): Refusal {
  if (!member.signatory) return { key: 'errors.signOff.onlySignatoryYourParty2' };
  return signOff.partyId === member.partyId ? null : { key: 'errors.signOff.youMayWithdrawOnly' };
}

/** What this member may do with sign-offs (sent with the status to the pages). */
export function signOffPermissions(member: SigningMember) {
  return { canSign: signRefusal(member) === null, partyId: member.partyId };
}
