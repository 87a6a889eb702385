import assert from 'node:assert/strict';
import { test } from 'node:test';
import { english } from '../helpers/i18n';
import { archivedRefusal, ARCHIVED_REFUSAL } from '@/server/policies/archive-policy';
import { COMPACT_ACTIONS, compactPermissions, may, READ_ONLY_ACTIONS } from '@/server/policies/role-actions';
import { ARCHIVE_REASON_MAX, archiveInputSchema, archiveReasonProblem } from '@/shared/compacts/archive-rules';
import { COMPACT_ROLES } from '@/shared/roles';

test('in an archived compact every role may only read (and the audit roles read the log); active compacts are unchanged', () => {
  for (const role of COMPACT_ROLES) {
    for (const action of COMPACT_ACTIONS) {
      const readOnly = (READ_ONLY_ACTIONS as readonly string[]).includes(action);
      assert.equal(
        may({ role, compactArchived: true }, action),
        readOnly && may({ role }, action),
        `${role} ${action}`,
      );
      assert.equal(may({ role, compactArchived: false }, action), may({ role }, action));
    }
  }
  const admin = compactPermissions({ role: 'admin', compactArchived: true });
  assert.deepEqual(
    Object.keys(admin).filter((action) => admin[action as keyof typeof admin]),
    ['read', 'viewAudit'],
  );
});

test('the archived refusal names the state and who can undo it; an active compact is not refused', () => {
  assert.equal(archivedRefusal({ compactArchived: true }), ARCHIVED_REFUSAL);
  assert.match(english(ARCHIVED_REFUSAL), /archived.*read only.*instance administrator/);
  assert.equal(archivedRefusal({ compactArchived: false }), null);
  assert.equal(archivedRefusal({}), null);
});

test('a reason is optional, at most 500 characters, and holds no control or text-direction characters (line breaks are fine)', () => {
  assert.equal(archiveReasonProblem(''), null);
  assert.equal(archiveReasonProblem('Superseded by the 2028 compact.\nSee the Council decision.'), null);
  assert.equal(archiveReasonProblem('é'.repeat(ARCHIVE_REASON_MAX)), null);
  assert.match(english(archiveReasonProblem('x'.repeat(ARCHIVE_REASON_MAX + 1))), /at most 500/);
  assert.match(english(archiveReasonProblem('abc\u202Edef')), /control or text-direction/);
  assert.match(english(archiveReasonProblem('a\u0000b')), /control or text-direction/);
  assert.deepEqual(archiveInputSchema.parse({ compactId: 'c1' }), { compactId: 'c1', reason: '' });
  assert.equal(archiveInputSchema.parse({ compactId: 'c1', reason: '  Mandate ended ' }).reason, 'Mandate ended');
  assert.equal(
    archiveInputSchema.safeParse({ compactId: 'c1', reason: 'x'.repeat(ARCHIVE_REASON_MAX * 4 + 1) }).success,
    false,
  );
});
