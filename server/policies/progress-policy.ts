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

const OTHER_PARTY = 'This update belongs to another party.';

/** An update is changed, submitted and given evidence only by monitors of the party that reported it. */
export function changeUpdateRefusal(member: CompactMember, update: ProgressUpdateSubject): Refusal {
  if (!may(member, 'reportProgress')) return `Your role (${member.role}) does not report progress.`;
  return update.createdByPartyId === member.partyId ? null : OTHER_PARTY;
}

/** Validators decide (validate or return) what others submitted — never their own work. */
export function decideUpdateRefusal(member: CompactMember, update: ProgressUpdateSubject): Refusal {
  if (!may(member, 'validateProgress')) return `Your role (${member.role}) does not validate progress.`;
  if (update.submittedBy === member.userId || update.createdBy === member.userId)
    return 'You cannot validate or return your own submission.';
  return null;
}

/** A returned update is discussed by the validators and the monitors of the party that reported it. */
export function discussUpdateRefusal(member: CompactMember, update: ProgressUpdateSubject): Refusal {
  if (!may(member, 'discussProgress')) return `Your role (${member.role}) does not take part in this discussion.`;
  if (member.role === 'monitor' && update.createdByPartyId !== member.partyId) return OTHER_PARTY;
  return null;
}

/** What this member may do with this update now (sent with the update to the indicator page). */
export function progressUpdatePermissions(member: CompactMember, update: ProgressUpdateSubject) {
  const changes = changeUpdateRefusal(member, update) === null && isEditable(update.state);
  const decides = decideUpdateRefusal(member, update) === null;
  return {
    edit: changes,
    submit: changes,
    addEvidence: changes,
    validate: decides && mayMove(update.state, 'validated'),
    return: decides && mayMove(update.state, 'returned'),
    discuss: discussUpdateRefusal(member, update) === null && isUnderDiscussion(update.state),
  };
}
