import 'server-only';
import type { IndicatorState } from '@/shared/enums';
import type { CompactMember } from './compact-member';
import type { Refusal } from './authorize';
import { may } from './role-actions';

export interface IndicatorSubject {
  state: IndicatorState;
  responsiblePartyId: string;
}

/** Progress on an indicator is reported by monitors of the party responsible for it. */
export function reportOnIndicatorRefusal(member: CompactMember, indicator: IndicatorSubject): Refusal {
  if (!may(member, 'reportProgress')) return { key: 'errors.indicator.yourRoleDoesNot', args: { role: member.role } };
  if (indicator.responsiblePartyId !== member.partyId) return { key: 'errors.indicator.youReportOnlyIndicators' };
  return null;
}

/** What this member may do with this indicator now (sent with the indicator to its page). */
export function indicatorPermissions(member: CompactMember, indicator: IndicatorSubject) {
  const manages = may(member, 'manageFramework');
  return {
    reportProgress: reportOnIndicatorRefusal(member, indicator) === null && indicator.state === 'active',
    edit: manages && indicator.state !== 'retired',
    setTargets: manages && indicator.state !== 'retired',
    accept: manages && indicator.state === 'proposed',
    retire: manages && indicator.state !== 'retired',
  };
}
