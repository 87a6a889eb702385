import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { english } from '../helpers/i18n';
import type { CompactMember } from '@/server/policies/compact-member';
import { indicatorPermissions, reportOnIndicatorRefusal } from '@/server/policies/indicator-policy';
import {
  changeUpdateRefusal,
  decideUpdateRefusal,
  discussUpdateRefusal,
  progressUpdatePermissions,
  type ProgressUpdateSubject,
} from '@/server/policies/progress-policy';
import type { CompactRole } from '@/shared/roles';

const as = (role: CompactRole, partyId = 'mission', userId = `${role}-1`): CompactMember => ({ userId, partyId, role });
const update = (fields: Partial<ProgressUpdateSubject> = {}): ProgressUpdateSubject => ({
  state: 'draft',
  createdByPartyId: 'mission',
  createdBy: 'monitor-1',
  submittedBy: null,
  ...fields,
});

describe('indicator policy', () => {
  const indicator = { state: 'active' as const, responsiblePartyId: 'mission' };

  test('monitors of the responsible party report on an active indicator; nobody else does', () => {
    assert.equal(reportOnIndicatorRefusal(as('monitor'), indicator), null);
    assert.match(english(reportOnIndicatorRefusal(as('monitor', 'police'), indicator)), /your party is responsible/);
    assert.match(english(reportOnIndicatorRefusal(as('validator'), indicator)), /does not report/);
    assert.equal(indicatorPermissions(as('monitor'), { ...indicator, state: 'retired' }).reportProgress, false);
  });

  test('administrators change, target and retire an indicator until it is retired, and accept only proposals', () => {
    assert.deepEqual(indicatorPermissions(as('admin'), indicator), {
      reportProgress: false,
      edit: true,
      setTargets: true,
      accept: false,
      retire: true,
    });
    assert.equal(indicatorPermissions(as('admin'), { ...indicator, state: 'proposed' }).accept, true);
    assert.equal(indicatorPermissions(as('admin'), { ...indicator, state: 'retired' }).edit, false);
    assert.equal(indicatorPermissions(as('negotiator'), indicator).edit, false);
  });
});

describe('progress update policy', () => {
  test('only monitors of the reporting party change, submit or add evidence, and only while it is editable', () => {
    assert.equal(changeUpdateRefusal(as('monitor'), update()), null);
    assert.match(english(changeUpdateRefusal(as('monitor', 'police'), update())), /another party/);
    assert.match(english(changeUpdateRefusal(as('admin'), update())), /does not report/);
    assert.equal(progressUpdatePermissions(as('monitor'), update({ state: 'returned' })).edit, true);
    assert.equal(progressUpdatePermissions(as('monitor'), update({ state: 'submitted' })).submit, false);
    assert.equal(progressUpdatePermissions(as('monitor'), update({ state: 'validated' })).addEvidence, false);
  });

  test('validators decide what others submitted, never their own', () => {
    const submitted = update({ state: 'submitted', submittedBy: 'monitor-1' });
    assert.equal(decideUpdateRefusal(as('validator'), submitted), null);
    assert.match(english(decideUpdateRefusal(as('validator', 'mission', 'monitor-1'), submitted)), /your own/);
    assert.match(english(decideUpdateRefusal(as('monitor'), submitted)), /does not validate/);
    const permissions = progressUpdatePermissions(as('validator'), submitted);
    assert.equal(permissions.validate && permissions.return, true);
    assert.equal(progressUpdatePermissions(as('validator'), update({ state: 'validated' })).validate, false);
  });

  test('a returned update is discussed by validators and its own party’s monitors only', () => {
    const returned = update({ state: 'returned' });
    assert.equal(discussUpdateRefusal(as('validator', 'secretariat'), returned), null);
    assert.equal(discussUpdateRefusal(as('monitor'), returned), null);
    assert.match(english(discussUpdateRefusal(as('monitor', 'police'), returned)), /another party/);
    assert.match(english(discussUpdateRefusal(as('reviewer'), returned)), /does not take part/);
    assert.equal(progressUpdatePermissions(as('validator'), update({ state: 'submitted' })).discuss, false);
  });
});
