import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { waitFor, waitForSync } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { storedUpdates as storedUpdatesOf } from '../helpers/test-db';
import { optionElement, paragraphElement, storedOptionKeys } from '../helpers/negotiation-fixtures';
import { newProvisionId } from '@/shared/negotiation/vocabulary';

let busyAttempts = 0;
const env = collabTestEnvironment({ idleUnloadMs: 100, onWriteBusy: () => busyAttempts++ });
const { db } = env;

async function chairedCompact() {
  const { id: compactId } = buildCompact(db, { text: 'The parties shall meet quarterly.' });
  const chair = await memberWithRole(db, compactId, 'admin');
  const negotiator = await memberWithRole(db, compactId, 'negotiator');
  const client = env.connect(compactId, negotiator.cookie);
  await waitForSync(client);
  const provision = () => client.doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
  const provisionId = String(provision().getAttribute('id'));
  return { compactId, chair, negotiator, client, provision, provisionId };
}

/** The negotiator proposes one option ("meet monthly"), stored: the keys the chair then sees. */
async function oneOptionStored(
  compactId: string,
  negotiator: { partyId: string; id: string },
  provision: Y.XmlElement,
  provisionId: string,
) {
  const storedUpdates = () => storedUpdatesOf(db, compactId);
  const proposer = { partyId: negotiator.partyId, userId: negotiator.id };
  provision.insert(1, [optionElement(proposer, 'The parties shall meet monthly.')]);
  await waitFor(() => storedUpdates() >= 2, 'the option is stored');
  return { storedUpdates, proposer, seen: storedOptionKeys(db, compactId, provisionId) };
}

const auditActions = (compactId: string) =>
  db.sqlite
    .prepare('SELECT action, actor_user_id AS userId FROM audit_events WHERE compact_id = ? ORDER BY id')
    .all(compactId) as { action: string; userId: string }[];

test('the chair declares a clean provision agreed: everyone sees it live, written as the chair and audited', async () => {
  const { compactId, chair, provision, provisionId } = await chairedCompact();
  const { updateId } = await chair.caller.negotiation.setProvisionState({ compactId, provisionId, state: 'agreed' });
  assert.equal(typeof updateId, 'number');
  await waitFor(() => provision().getAttribute('state') === 'agreed', 'the negotiator sees it agreed');
  const row = db.sqlite.prepare('SELECT user_id AS userId FROM doc_updates WHERE id = ?').get(updateId);
  assert.deepEqual(row, { userId: chair.id }, 'the change is the chair’s');
  assert.ok(
    auditActions(compactId).some((event) => event.action === 'provision.state-changed' && event.userId === chair.id),
  );
});

test('every member sees who declared what on a provision, and when, newest first — the chair’s decisions and the server’s demotion', async () => {
  const { compactId, chair, negotiator, client, provisionId } = await chairedCompact();
  const reviewer = await memberWithRole(db, compactId, 'reviewer');
  await chair.caller.negotiation.setProvisionState({ compactId, provisionId, state: 'agreed-ad-ref' });
  await chair.caller.negotiation.setProvisionState({ compactId, provisionId, state: 'agreed' });
  // A bracket added to the agreed provision: the server sets it back to bracketed.
  const text = (client.doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
  (text.get(0) as Y.XmlText).format(0, 3, { bracket: { partyId: negotiator.partyId, userId: negotiator.id } });
  await waitFor(
    () => auditActions(compactId).some((event) => event.action === 'provision.demoted'),
    'the server demotes it',
  );

  const byChair = db.sqlite
    .prepare('SELECT u.name, p.short_code AS partyCode FROM user u, parties p WHERE u.id = ? AND p.id = ?')
    .get(chair.id, chair.partyId) as { name: string; partyCode: string };
  const decisions = await reviewer.caller.provisions.decisions({ compactId, provisionId });
  assert.deepEqual(
    decisions.map(({ action, state, by }) => ({ action, state, by })),
    [
      { action: 'provision.demoted', state: 'bracketed', by: null },
      { action: 'provision.state-changed', state: 'agreed', by: byChair },
      { action: 'provision.state-changed', state: 'agreed-ad-ref', by: byChair },
    ],
  );
  assert.ok(decisions.every((decision) => decision.at instanceof Date));
  assert.deepEqual(await negotiator.caller.provisions.decisions({ compactId, provisionId: newProvisionId() }), []);
  const outsider = await memberWithRole(db, buildCompact(db).id, 'negotiator');
  await assert.rejects(outsider.caller.provisions.decisions({ compactId, provisionId }));
});

test('a provision with brackets or open options cannot be declared agreed, and nothing changes', async () => {
  const { compactId, chair, negotiator, provision, provisionId } = await chairedCompact();
  ((provision().get(0) as Y.XmlElement).get(0) as Y.XmlText).format(4, 7, {
    bracket: { partyId: negotiator.partyId, userId: negotiator.id },
  });
  await waitFor(() => storedUpdatesOf(db, compactId) >= 2, 'the bracket is stored');
  await assert.rejects(
    chair.caller.negotiation.setProvisionState({ compactId, provisionId, state: 'agreed' }),
    /OP 1 still has text in brackets \(/,
  );
  assert.equal(provision().getAttribute('state'), 'open');
});

test('the chair accepts an option: its wording replaces the provision’s, the other options go, audited', async () => {
  const { compactId, chair, negotiator, client, provision, provisionId } = await chairedCompact();
  provision().insert(1, [
    optionElement({ partyId: negotiator.partyId, userId: negotiator.id }, 'The parties shall meet monthly.'),
  ]);
  await waitFor(() => storedUpdatesOf(db, compactId) >= 2, 'the option is stored');
  await assert.rejects(
    chair.caller.negotiation.setProvisionState({ compactId, provisionId, state: 'agreed-ad-ref' }),
    /1 option open \(/,
  );
  await chair.caller.negotiation.acceptOption({
    compactId,
    provisionId,
    optionIndex: 0,
    optionKeys: storedOptionKeys(db, compactId, provisionId),
  });
  await waitFor(() => client.text() === 'The parties shall meet monthly.', 'the accepted wording is the text');
  assert.equal(provision().length, 1, 'no option left');
  await chair.caller.negotiation.setProvisionState({ compactId, provisionId, state: 'agreed-ad-ref' });
  await waitFor(() => provision().getAttribute('state') === 'agreed-ad-ref', 'then it can be agreed ad ref.');
  assert.ok(auditActions(compactId).some((event) => event.action === 'provision.option-accepted'));
});

test('the chair’s choice names the options seen: once they changed, nothing is accepted (CONFLICT)', async () => {
  const { compactId, chair, negotiator, client, provision, provisionId } = await chairedCompact();
  const { storedUpdates, proposer, seen } = await oneOptionStored(compactId, negotiator, provision(), provisionId);
  // Before the chair decides, another option comes first: index 0 is no longer the one seen.
  provision().insert(1, [optionElement(proposer, 'The parties shall never meet.')]);
  await waitFor(() => storedUpdates() >= 3, 'the second option is stored');
  await assert.rejects(
    chair.caller.negotiation.acceptOption({ compactId, provisionId, optionIndex: 0, optionKeys: seen }),
    (error: { code?: string; message?: string }) =>
      error.code === 'CONFLICT' && /changed meanwhile/.test(error.message!),
  );
  await assert.rejects(
    chair.caller.negotiation.acceptOption({ compactId, provisionId, optionIndex: null, optionKeys: seen }),
    (error: { code?: string }) => error.code === 'CONFLICT',
    'withdrawing options the chair has not seen is refused too',
  );
  assert.equal(storedUpdates(), 3, 'nothing written');
  assert.equal(provision().length, 3);
  assert.ok(!auditActions(compactId).some((event) => event.action.startsWith('provision.option')));
  await chair.caller.negotiation.acceptOption({
    compactId,
    provisionId,
    optionIndex: 1,
    optionKeys: storedOptionKeys(db, compactId, provisionId),
  });
  await waitFor(() => client.text() === 'The parties shall meet monthly.', 'the option seen is accepted');
});

test('a provision deleted while the chair’s edit is on its way is reported (CONFLICT), not declared agreed', async () => {
  const { compactId, chair, client, provisionId } = await chairedCompact();
  const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
  const other = new Database(db.path);
  other.exec('BEGIN IMMEDIATE'); // another process holds the write lock: the deletion is live, not yet stored
  let declared: Promise<unknown>;
  try {
    const attempts = busyAttempts;
    client.doc.transact(() => {
      const replacement = new Y.XmlElement('provision');
      replacement.setAttribute('id', newProvisionId());
      replacement.setAttribute('kind', 'operative');
      replacement.setAttribute('state', 'open');
      replacement.insert(0, [paragraphElement('Another provision.')]);
      fragment.insert(1, [replacement]);
      fragment.delete(0, 1);
    });
    await waitFor(() => busyAttempts > attempts, 'the deletion waits for the lock');
    // The chair reads the stored text, where the provision still is.
    declared = chair.caller.negotiation.setProvisionState({ compactId, provisionId, state: 'agreed' });
    declared.catch(() => undefined);
    await waitFor(() => busyAttempts > attempts + 3, 'the chair’s edit waits too');
  } finally {
    other.exec('COMMIT');
    other.close();
  }
  await assert.rejects(
    declared,
    (error: { code?: string; message?: string }) =>
      error.code === 'CONFLICT' && /deleted from the text/.test(error.message!),
  );
  assert.ok(!auditActions(compactId).some((event) => event.action === 'provision.state-changed'));
});

/** Runs `whileLocked` while another process holds the database's write lock: live changes wait to be stored. */
async function withWriteLockHeld(whileLocked: () => Promise<void>) {
  const other = new Database(db.path);
  other.exec('BEGIN IMMEDIATE');
  try {
    await whileLocked();
  } finally {
    other.exec('COMMIT');
    other.close();
  }
}

test('a provision cut and pasted back (same id, a new element) while the chair’s edit is on its way is reported (CONFLICT), not declared agreed', async () => {
  const { compactId, chair, client, provision, provisionId } = await chairedCompact();
  const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
  let declared!: Promise<unknown>;
  await withWriteLockHeld(async () => {
    const attempts = busyAttempts;
    client.doc.transact(() => {
      const pastedBack = provision().clone();
      fragment.delete(0, 1);
      fragment.insert(0, [pastedBack]);
    });
    await waitFor(() => busyAttempts > attempts, 'the cut and paste waits for the lock');
    declared = chair.caller.negotiation.setProvisionState({ compactId, provisionId, state: 'agreed' });
    declared.catch(() => undefined);
    await waitFor(() => busyAttempts > attempts + 3, 'the chair’s edit waits too');
  });
  await assert.rejects(
    declared,
    (error: { code?: string; message?: string }) => error.code === 'CONFLICT' && /replaced/.test(error.message!),
  );
  assert.equal(provision().getAttribute('id'), provisionId);
  assert.equal(provision().getAttribute('state'), 'open', 'the pasted-back provision was never declared agreed');
  assert.ok(!auditActions(compactId).some((event) => event.action === 'provision.state-changed'));
});

test('a provision deleted just after the chair’s edit (stored in the same commit, after it) does not turn the chair’s success into a failure', async () => {
  const { compactId, chair, client, provisionId } = await chairedCompact();
  const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
  let declared!: Promise<unknown>;
  await withWriteLockHeld(async () => {
    const attempts = busyAttempts;
    declared = chair.caller.negotiation.setProvisionState({ compactId, provisionId, state: 'agreed' });
    declared.catch(() => undefined);
    await waitFor(() => busyAttempts > attempts + 1, 'the chair’s edit waits for the lock');
    client.doc.transact(() => {
      const replacement = new Y.XmlElement('provision');
      replacement.setAttribute('id', newProvisionId());
      replacement.setAttribute('kind', 'operative');
      replacement.setAttribute('state', 'open');
      replacement.insert(0, [paragraphElement('Another provision.')]);
      fragment.insert(1, [replacement]);
      fragment.delete(0, 1);
    });
    await waitFor(() => busyAttempts > attempts + 4, 'the deletion waits behind it');
  });
  await declared;
  assert.ok(
    auditActions(compactId).some((event) => event.action === 'provision.state-changed'),
    'audited as done',
  );
});

test('an option added while the chair’s acceptance is on its way does not turn an acceptance that applied into a failure: the chosen wording is the text, and it is audited', async () => {
  const { compactId, chair, negotiator, client, provision, provisionId } = await chairedCompact();
  const { proposer, seen } = await oneOptionStored(compactId, negotiator, provision(), provisionId);
  let accepted!: Promise<unknown>;
  await withWriteLockHeld(async () => {
    const attempts = busyAttempts;
    // Live, not yet stored: the chair's check reads the stored text, where only the first option is.
    provision().insert(2, [optionElement(proposer, 'The parties shall meet weekly.')]);
    await waitFor(() => busyAttempts > attempts, 'the second option waits for the lock');
    accepted = chair.caller.negotiation.acceptOption({ compactId, provisionId, optionIndex: 0, optionKeys: seen });
    accepted.catch(() => undefined);
    await waitFor(() => busyAttempts > attempts + 3, 'the chair’s acceptance waits too');
  });
  await accepted;
  await waitFor(() => client.text().startsWith('The parties shall meet monthly.'), 'the chosen wording is the text');
  assert.ok(
    auditActions(compactId).some((event) => event.action === 'provision.option-accepted'),
    'what changed the text is audited',
  );
});

test('an unknown provision id is NOT_FOUND and a negotiator may not declare agreement', async () => {
  const { compactId, chair, negotiator, provisionId } = await chairedCompact();
  await assert.rejects(
    chair.caller.negotiation.setProvisionState({ compactId, provisionId: 'zzzzzzzzzzzz', state: 'agreed' }),
    /No provision with this id/,
  );
  await assert.rejects(
    negotiator.caller.negotiation.setProvisionState({ compactId, provisionId, state: 'agreed' }),
    (error: { code?: string }) => error.code === 'FORBIDDEN',
  );
});
