import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { recordAuditEvent } from '@/server/services/audit';
import { frameworkVersion } from '@/server/services/framework/framework-cache';
import { buildCompact } from '../helpers/factories';
import { createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

const audit = (compactId: string, action: string, entityType: string) =>
  recordAuditEvent(db.db, { userId: null, partyId: null }, { compactId, action, entityType, entityId: 'x' });

test('comments, text events and audit-log exports leave the framework’s version stamp (and cached view) alone; framework changes move it', () => {
  const { id: compactId } = buildCompact(db);
  audit(compactId, 'indicator.created', 'indicator');
  const version = frameworkVersion(db.db, compactId);
  audit(compactId, 'commentThread.created', 'commentThread');
  audit(compactId, 'comment.deleted', 'comment');
  audit(compactId, 'provision.demoted', 'provision');
  audit(compactId, 'text.update-refused', 'compact');
  audit(compactId, 'audit.exported', 'compact');
  assert.equal(frameworkVersion(db.db, compactId), version);
  audit(compactId, 'indicator.updated', 'indicator');
  assert.ok(frameworkVersion(db.db, compactId) > version);
});

test('versions of the text, sign-offs and review cycles leave the framework’s version stamp alone', () => {
  const { id: compactId } = buildCompact(db);
  audit(compactId, 'indicator.created', 'indicator');
  const version = frameworkVersion(db.db, compactId);
  audit(compactId, 'version.created', 'version');
  audit(compactId, 'version.restored', 'version');
  audit(compactId, 'sign-off.signed', 'sign-off');
  audit(compactId, 'sign-off.withdrawn', 'sign-off');
  audit(compactId, 'review-cycle.opened', 'review-cycle');
  audit(compactId, 'review-finding.recorded', 'review-finding');
  audit(compactId, 'review-pack.exported', 'review-cycle');
  assert.equal(frameworkVersion(db.db, compactId), version);
});
