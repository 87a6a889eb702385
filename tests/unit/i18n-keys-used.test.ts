import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComponentProps } from 'react';
import en from '@/messages/en.json';
import {
  CONFIDENCE_LEVELS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  INDICATOR_STATES,
  PARTY_KINDS,
  PROGRESS_STATES,
  RATINGS,
  REPORTING_FREQUENCIES,
} from '@/shared/enums';
import { COMPACT_ROLES } from '@/shared/roles';
import { AGREEMENT_STATES } from '@/shared/negotiation/vocabulary';
import { DEADLINE_STATES } from '@/shared/framework/deadline';
import { INDICATOR_STATUSES, type StatusReason } from '@/shared/framework/indicator-status';
import { NOTIFICATION_KINDS } from '@/shared/notifications/kinds';
import { SIGN_OFF_STATES, STATEMENT_KINDS } from '@/shared/history/sign-off-rules';
import type { Standing } from '@/shared/history/sign-off-standing';
import { FINDING_KINDS, FINDING_STATUSES } from '@/shared/reviews/review-rules';
import type { PartyGuardReason } from '@/shared/editor/negotiation/party-guard';
import type { InvitationState } from '@/server/services/invitation-admin';
import { QUEUE_SORTS } from '@/app/validation/_components/queue-order';
import type { TasksPanel } from '@/app/compacts/[compactId]/framework/_components/TasksPanel';

type TaskKind = ComponentProps<typeof TasksPanel>['tasks'][number]['kind'];

/**
 * Every member of a union that exists only as a type. The object literal must name each member
 * exactly once (tsc refuses a missing or an unknown one), so the list cannot drift from the type.
 */
const everyMember = <T extends string>(members: Record<T, true>): T[] => Object.keys(members) as T[];

/** The message at a dotted path of the English catalogue, or undefined. */
function englishMessage(path: string): unknown {
  let node: unknown = en;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Each prefix the app builds a key from (`t(\`prefix.${value}\`)`), with every value that variable can hold. */
const DYNAMIC_KEYS: { prefix: string; source: string; values: readonly string[] }[] = [
  { prefix: 'partyKind', source: 'PARTY_KINDS', values: PARTY_KINDS },
  { prefix: 'role', source: 'COMPACT_ROLES', values: COMPACT_ROLES },
  { prefix: 'status', source: 'INDICATOR_STATUSES', values: INDICATOR_STATUSES },
  { prefix: 'status', source: 'RATINGS', values: RATINGS },
  {
    prefix: 'reason',
    source: 'StatusReason',
    values: everyMember<StatusReason>({
      share: true,
      rating: true,
      'no-target': true,
      'not-validated': true,
      'not-due-yet': true,
      'target-held': true,
      overdue: true,
    }),
  },
  { prefix: 'confidence', source: 'CONFIDENCE_LEVELS', values: CONFIDENCE_LEVELS },
  { prefix: 'level', source: 'INDICATOR_LEVELS', values: INDICATOR_LEVELS },
  { prefix: 'measure', source: 'INDICATOR_MEASURES', values: INDICATOR_MEASURES },
  { prefix: 'direction', source: 'INDICATOR_DIRECTIONS', values: INDICATOR_DIRECTIONS },
  { prefix: 'aggregation', source: 'INDICATOR_AGGREGATIONS', values: INDICATOR_AGGREGATIONS },
  { prefix: 'frequency', source: 'REPORTING_FREQUENCIES', values: REPORTING_FREQUENCIES },
  { prefix: 'indicator.state', source: 'INDICATOR_STATES', values: INDICATOR_STATES },
  { prefix: 'progress.state', source: 'PROGRESS_STATES', values: PROGRESS_STATES },
  { prefix: 'deadline', source: 'DEADLINE_STATES', values: DEADLINE_STATES },
  { prefix: 'negotiation.state', source: 'AGREEMENT_STATES', values: AGREEMENT_STATES },
  {
    prefix: 'negotiation.blocked',
    source: 'PartyGuardReason',
    values: everyMember<PartyGuardReason>({ 'foreign-bracket': true, 'foreign-option': true, 'agreement-state': true }),
  },
  { prefix: 'notifications.kind', source: 'NOTIFICATION_KINDS', values: NOTIFICATION_KINDS },
  { prefix: 'emailPrefs.kind', source: 'NOTIFICATION_KINDS', values: NOTIFICATION_KINDS },
  { prefix: 'signOffs.statement', source: 'STATEMENT_KINDS', values: STATEMENT_KINDS },
  { prefix: 'signOffs.state', source: 'SIGN_OFF_STATES', values: SIGN_OFF_STATES },
  { prefix: 'signOffs.short', source: 'SIGN_OFF_STATES', values: SIGN_OFF_STATES },
  { prefix: 'reviews.kind', source: 'FINDING_KINDS', values: FINDING_KINDS },
  { prefix: 'reviews.status', source: 'FINDING_STATUSES', values: FINDING_STATUSES },
  {
    prefix: 'reviews.standing',
    source: 'Standing',
    values: everyMember<Standing>({ 'signed-this': true, 'signed-other': true, 'not-signed': true }),
  },
  {
    prefix: 'members.pending.state',
    source: 'InvitationState',
    values: everyMember<InvitationState>({ open: true, expired: true, 'inviter-not-entitled': true }),
  },
  {
    prefix: 'framework.task',
    source: 'TasksPanel task kinds',
    values: everyMember<TaskKind>({ due: true, returned: true, 'awaiting-validation': true }),
  },
  { prefix: 'validation.sort', source: 'QUEUE_SORTS', values: QUEUE_SORTS },
];

for (const { prefix, source, values } of DYNAMIC_KEYS) {
  test(`every value of ${source} has an English message under ${prefix}`, () => {
    const missing = values.filter((value) => typeof englishMessage(`${prefix}.${value}`) !== 'string');
    assert.deepEqual(
      missing.map((value) => `${prefix}.${value}`),
      [],
    );
  });
}

test('only a message at the full dotted path counts: an unknown value or a namespace does not', () => {
  assert.equal(englishMessage('status.on-track'), 'On track');
  assert.equal(englishMessage('status.sideways'), undefined);
  assert.equal(englishMessage('status'), en.status);
});
