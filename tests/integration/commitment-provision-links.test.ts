import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { appendDocUpdate } from '@/server/services/document-store';
import { buildServerUpdate } from '@/server/services/server-edits';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { newProvisionId } from '@/shared/negotiation/vocabulary';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { provisionElement } from '../helpers/negotiation-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

const commitment = (leadPartyId: string, reference = 'Section 2') => ({
  reference,
  leadPartyId,
  supportingPartyIds: [],
  deliverable: 'Early-warning network',
  dueDate: null,
  narrativeStatus: '',
});

/** Replaces the first provision of the stored text by a new one (another id): the old one is deleted from the text. */
function deleteFirstProvision(compactId: string) {
  const update = buildServerUpdate(db.db, compactId, (doc) => {
    const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
    fragment.delete(0, 1);
    fragment.insert(0, [provisionElement(newProvisionId(), 'A new first provision.')]);
  });
  appendDocUpdate(db.db, compactId, update, { userId: null, partyId: null });
}

/** A compact with one provision and a commitment linked to it. */
async function compactWithLinkedCommitment() {
  const { id: compactId } = buildCompact(db, { text: 'The Mission shall protect civilians.' });
  const admin = await memberWithRole(db, compactId, 'admin');
  const [provision] = await admin.caller.provisions.list({ compactId });
  const created = await admin.caller.commitments.create({
    compactId,
    ...commitment(admin.partyId),
    provisionId: provision!.id,
  });
  return { compactId, admin, provision: provision!, created, commitmentId: created.id };
}

test('a commitment links to a provision by its id; the list cites it as the editor does, and the link is audited', async () => {
  const { compactId, admin, provision, created } = await compactWithLinkedCommitment();
  assert.equal(created.provisionId, provision.id);
  const [listed] = await admin.caller.commitments.list({ compactId });
  assert.equal(listed!.provisionId, provision.id);
  assert.deepEqual(
    { id: listed!.provision?.id, label: listed!.provision?.label, firstWords: listed!.provision?.firstWords },
    { id: provision.id, label: 'OP 1', firstWords: 'The Mission shall protect civilians.' },
  );
  const audited = db.sqlite
    .prepare(`SELECT "after" FROM audit_events WHERE action = 'commitment.created' AND entity_id = ?`)
    .get(created.id) as { after: string };
  assert.equal(JSON.parse(audited.after).provisionId, provision.id);
});

test('an update that leaves out provisionId keeps the link; null clears it; both are audited with the other fields', async () => {
  const { compactId, admin, provision, commitmentId } = await compactWithLinkedCommitment();
  const kept = await admin.caller.commitments.update({
    compactId,
    commitmentId,
    ...commitment(admin.partyId, 'Section 2 (renamed)'),
  });
  assert.equal(kept.provisionId, provision.id);
  assert.equal(kept.reference, 'Section 2 (renamed)');
  const cleared = await admin.caller.commitments.update({
    compactId,
    commitmentId,
    ...commitment(admin.partyId),
    provisionId: null,
  });
  assert.equal(cleared.provisionId, null);
  assert.equal((await admin.caller.commitments.list({ compactId }))[0]!.provision, null);
  const updates = (
    db.sqlite
      .prepare(
        `SELECT "before", "after" FROM audit_events WHERE action = 'commitment.updated' AND entity_id = ? ORDER BY id`,
      )
      .all(commitmentId) as { before: string; after: string }[]
  ).map((row) => ({ before: JSON.parse(row.before).provisionId, after: JSON.parse(row.after).provisionId }));
  assert.deepEqual(updates, [
    { before: provision.id, after: undefined },
    { before: provision.id, after: null },
  ]);
});

test('an unknown provision id is refused with a field error and nothing is written, on create and on update', async () => {
  const { compactId, admin, provision, commitmentId } = await compactWithLinkedCommitment();
  const before = { commitments: countRows(db, 'commitments'), audit: countRows(db, 'audit_events') };
  await assert.rejects(
    admin.caller.commitments.create({ compactId, ...commitment(admin.partyId, 'Other'), provisionId: 'aaaaaaaaaaaa' }),
    (error: { code: string; message: string }) =>
      error.code === 'NOT_FOUND' && /No provision with this id in the compact text/.test(error.message),
  );
  await assert.rejects(
    admin.caller.commitments.update({
      compactId,
      commitmentId,
      ...commitment(admin.partyId),
      provisionId: 'aaaaaaaaaaaa',
    }),
    /No provision with this id in the compact text/,
  );
  await assert.rejects(
    admin.caller.commitments.create({ compactId, ...commitment(admin.partyId, 'Other'), provisionId: 'not an id' }),
    /Not a provision id/,
  );
  assert.deepEqual({ commitments: countRows(db, 'commitments'), audit: countRows(db, 'audit_events') }, before);
  assert.equal((await admin.caller.commitments.list({ compactId }))[0]!.provisionId, provision.id);
});

test('a commitment whose provision was deleted from the text keeps its link, and the list says the provision is gone', async () => {
  const { compactId, admin, provision } = await compactWithLinkedCommitment();
  await admin.caller.commitments.create({ compactId, ...commitment(admin.partyId, 'Section 3') });
  deleteFirstProvision(compactId);
  const listed = await admin.caller.commitments.list({ compactId });
  assert.deepEqual(
    listed.map((c) => [c.reference, c.provisionId, c.provision]),
    [
      ['Section 2', provision.id, null],
      ['Section 3', null, null],
    ],
  );
});
