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

/** One row per list named in `lists`: the list's name (for the test's title) and its values. */
const keysFrom = (prefix: string, lists: Record<string, readonly string[]>) =>
  Object.entries(lists).map(([source, values]) => ({ prefix, source, values }));

/** Each prefix the app builds a key from (`t(\`prefix.${value}\`)`), with every value that variable can hold. */
const DYNAMIC_KEYS = [
  ...keysFrom('partyKind', { PARTY_KINDS }),
  ...keysFrom('role', { COMPACT_ROLES }),
  ...keysFrom('status', { INDICATOR_STATUSES }),
  ...keysFrom('status', { RATINGS }),
  ...keysFrom('reason', {
    StatusReason: everyMember<StatusReason>({
      share: true,
      rating: true,
      'no-target': true,
      'not-validated': true,
      'not-due-yet': true,
      'target-held': true,
      overdue: true,
    }),
  }),
  ...keysFrom('confidence', { CONFIDENCE_LEVELS }),
  ...keysFrom('level', { INDICATOR_LEVELS }),
  ...keysFrom('measure', { INDICATOR_MEASURES }),
  ...keysFrom('direction', { INDICATOR_DIRECTIONS }),
  ...keysFrom('aggregation', { INDICATOR_AGGREGATIONS }),
  ...keysFrom('frequency', { REPORTING_FREQUENCIES }),
  ...keysFrom('indicator.state', { INDICATOR_STATES }),
  ...keysFrom('progress.state', { PROGRESS_STATES }),
  ...keysFrom('deadline', { DEADLINE_STATES }),
  ...keysFrom('negotiation.state', { AGREEMENT_STATES }),
  ...keysFrom('negotiation.blocked', {
    PartyGuardReason: everyMember<PartyGuardReason>({
      'foreign-bracket': true,
      'foreign-option': true,
      'agreement-state': true,
    }),
  }),
  ...keysFrom('notifications.kind', { NOTIFICATION_KINDS }),
  ...keysFrom('emailPrefs.kind', { NOTIFICATION_KINDS }),
  ...keysFrom('signOffs.statement', { STATEMENT_KINDS }),
  ...keysFrom('signOffs.state', { SIGN_OFF_STATES }),
  ...keysFrom('signOffs.short', { SIGN_OFF_STATES }),
  ...keysFrom('reviews.kind', { FINDING_KINDS }),
  ...keysFrom('reviews.status', { FINDING_STATUSES }),
  ...keysFrom('reviews.standing', {
    Standing: everyMember<Standing>({ 'signed-this': true, 'signed-other': true, 'not-signed': true }),
  }),
  ...keysFrom('members.pending.state', {
    InvitationState: everyMember<InvitationState>({ open: true, expired: true, 'inviter-not-entitled': true }),
  }),
  ...keysFrom('framework.task', {
    'TasksPanel task kinds': everyMember<TaskKind>({ due: true, returned: true, 'awaiting-validation': true }),
  }),
  ...keysFrom('validation.sort', { QUEUE_SORTS }),
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
