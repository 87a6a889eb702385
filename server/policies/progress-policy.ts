import 'server-only';
import type { ProgressState } from '@/shared/enums';
import { isEditable, isUnderDiscussion, mayMove } from '@/shared/framework/progress-workflow';
import type { CompactMember } from './compact-member';
import type { Refusal } from './authorize';
import { may } from './role-actions';

export interface ProgressUpdateSubject {
  state: ProgressState;
  createdByPartyId: string;
  createdBy: string;
  submittedBy: string | null;
}

/**
 * An update belongs to the party that reported it (the role half of each rule below is checked
 * by the procedure; services that act on an update ask this half with the update in hand).
 */
export function otherPartysUpdateRefusal(
  member: Pick<CompactMember, 'partyId'>,
  update: Pick<ProgressUpdateSubject, 'createdByPartyId'>,
): Refusal {
  return update.createdByPartyId === member.partyId ? null : { key: 'errors.progress.updateBelongsAnotherParty' };
}

/** Nobody decides on an update they wrote or submitted. */
export function ownSubmissionRefusal(
  member: Pick<CompactMember, 'userId'>,
  update: Pick<ProgressUpdateSubject, 'createdBy' | 'submittedBy'>,
): Refusal {
  return update.submittedBy === member.userId || update.createdBy === member.userId
    ? { key: 'errors.progress.youCannotValidateReturn' }
    : null;
}

/** An update is changed, submitted and given evidence only by monitors of the party that reported it. */
export function changeUpdateRefusal(member: CompactMember, update: ProgressUpdateSubject): Refusal {
  if (!may(member, 'reportProgress')) return { key: 'errors.indicator.yourRoleDoesNot', args: { role: member.role } };
  return otherPartysUpdateRefusal(member, update);
}

/** Validators decide (validate or return) what others submitted — never their own work. */
export function decideUpdateRefusal(member: CompactMember, update: ProgressUpdateSubject): Refusal {
  if (!may(member, 'validateProgress')) return { key: 'errors.progress.yourRoleDoesNot', args: { role: member.role } };
  return ownSubmissionRefusal(member, update);
}

/** A returned update is discussed by the validators and the monitors of the party that reported it. */
export function discussUpdateRefusal(member: CompactMember, update: ProgressUpdateSubject): Refusal {
  if (!may(member, 'discussProgress')) return { key: 'errors.progress.yourRoleDoesNot2', args: { role: member.role } };
  return member.role === 'monitor' ? otherPartysUpdateRefusal(member, update) : null;
}

/** What this member may do with this update now (sent with the update to the indicator page). */
export function progressUpdatePermissions(member: CompactMember, update: ProgressUpdateSubject) {
  const changes = changeUpdateRefusal(member, update) === null && isEditable(update.state);
  const decides = decideUpdateRefusal(member, update) === null;
  return {
    edit: changes,
    submit: changes,
    /** Take back a submission no validator has decided yet (back to a draft). */
    withdraw: changeUpdateRefusal(member, update) === null && mayMove(update.state, 'draft'),
    addEvidence: changes,
    validate: decides && mayMove(update.state, 'validated'),
    return: decides && mayMove(update.state, 'returned'),
    discuss: discussUpdateRefusal(member, update) === null && isUnderDiscussion(update.state),
  };
}
