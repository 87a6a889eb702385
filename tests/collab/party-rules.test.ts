import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { contentToYUpdate } from '@/server/editor/document-content';
import { appendDocUpdate } from '@/server/services/document-store';
import { buildServerUpdate } from '@/server/services/server-edits';
import { CLOSE } from '@/shared/collab/close-codes';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { newProvisionId } from '@/shared/negotiation/vocabulary';
import { firstTextBlock, waitFor, waitForSync, type TestClient } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, memberWithRole, type Member } from '../helpers/factories';
import { storedUpdates } from '../helpers/test-db';
import { optionElement, paragraphElement } from '../helpers/negotiation-fixtures';

// No cooldown here: these tests reconnect a refused sender at once (refusal-cooldown.test.ts covers it).
const env = collabTestEnvironment({ idleUnloadMs: 100, refusalCooldownMs: 0 });
const { db } = env;
const updatesStored = (compactId: string) => storedUpdates(db, compactId);

interface Table {
  compactId: string;
  aldoria: Member;
  varenia: Member;
  provisionId: string;
}

/**
 * A compact whose one provision reads "The Mission shall [protect civilians] now." with
 * "protect civilians" bracketed by Aldoria, and negotiators for Aldoria and Varenia.
 */
async function negotiationTable(state = 'open', bracketed = true): Promise<Table> {
  const { id: compactId } = buildCompact(db);
  const aldoria = await memberWithRole(db, compactId, 'negotiator');
  const varenia = await memberWithRole(db, compactId, 'negotiator');
  const provisionId = newProvisionId();
  const bracket = { type: 'bracket', attrs: { partyId: aldoria.partyId, userId: aldoria.id } };
  const content = {
    type: 'doc',
    content: [
      {
        type: 'provision',
        attrs: { id: provisionId, kind: 'operative', state },
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'The Mission shall ' },
              { type: 'text', text: 'protect civilians', marks: bracketed ? [bracket] : [] },
              { type: 'text', text: ' now.' },
            ],
          },
        ],
      },
    ],
  };
  appendDocUpdate(db.db, compactId, contentToYUpdate(content), { userId: null, partyId: null });
  return { compactId, aldoria, varenia, provisionId };
}

async function synced(compactId: string, member: Member): Promise<TestClient> {
  const client = env.connect(compactId, member.cookie);
  await waitForSync(client);
  return client;
}

const firstText = (client: TestClient) => firstTextBlock(client.doc).get(0) as Y.XmlText;
const provisionOf = (client: TestClient) => client.doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
const bracketParties = (client: TestClient) =>
  firstText(client)
    .toDelta()
    .flatMap((run: { attributes?: { bracket?: { partyId: string } } }) =>
      run.attributes?.bracket ? [run.attributes.bracket.partyId] : [],
    );

async function expectRefused(table: Table, sender: TestClient, edit: () => void, watcher: TestClient) {
  const before = updatesStored(table.compactId);
  const textBefore = watcher.text();
  edit();
  await waitFor(() => sender.closeCodes.includes(CLOSE.proposalRefused.code), 'the sender is refused');
  assert.equal(updatesStored(table.compactId), before, 'nothing stored');
  // Whatever the watcher has after the room reloads, the refused change is not in it.
  await waitFor(() => watcher.provider.synced && watcher.provider.wsconnected, 'the watcher is back in sync');
  assert.equal(watcher.text(), textBefore, 'never forwarded');
  const audit = db.sqlite
    .prepare("SELECT actor_user_id AS userId FROM audit_events WHERE compact_id = ? AND action = 'text.update-refused'")
    .all(table.compactId);
  assert.ok(audit.length >= 1, 'the refusal is an audit event');
}

test('an update that brackets text in another party’s name is refused: never forwarded, never stored, not even after a restart', async () => {
  const table = await negotiationTable('open', false);
  const varenia = await synced(table.compactId, table.varenia);
  const aldoria = await synced(table.compactId, table.aldoria);
  await expectRefused(
    table,
    varenia,
    () => firstText(varenia).format(0, 3, { bracket: { partyId: table.aldoria.partyId, userId: table.aldoria.id } }),
    aldoria,
  );
  assert.deepEqual(bracketParties(aldoria), []);
  await env.restart();
  const fresh = await synced(table.compactId, table.aldoria);
  assert.deepEqual(bracketParties(fresh), [], 'not on disk either');
});

test('the same bracket in the sender’s own party goes through to the others and is stored', async () => {
  const table = await negotiationTable('open', false);
  const varenia = await synced(table.compactId, table.varenia);
  const aldoria = await synced(table.compactId, table.aldoria);
  const before = updatesStored(table.compactId);
  firstText(varenia).format(0, 3, { bracket: { partyId: table.varenia.partyId, userId: table.varenia.id } });
  await waitFor(() => bracketParties(aldoria).includes(table.varenia.partyId), 'Aldoria sees Varenia’s bracket');
  assert.ok(updatesStored(table.compactId) > before);
  assert.deepEqual(varenia.closeCodes, []);
});

test('typing inside, deleting or unbracketing another party’s bracketed text is refused; plain typing beside it is not', async () => {
  const table = await negotiationTable();
  const aldoria = await synced(table.compactId, table.aldoria);
  let varenia = await synced(table.compactId, table.varenia);
  firstText(varenia).insert(0, 'Now, ');
  await waitFor(() => aldoria.text().startsWith('Now, The Mission'), 'plain text beside the bracket goes through');

  await expectRefused(table, varenia, () => firstText(varenia).insert(27, 'all '), aldoria);
  varenia.destroy();
  varenia = await synced(table.compactId, table.varenia);
  await expectRefused(table, varenia, () => firstText(varenia).delete(23, 7), aldoria);
  varenia.destroy();
  varenia = await synced(table.compactId, table.varenia);
  await expectRefused(table, varenia, () => firstText(varenia).format(23, 17, { bracket: null }), aldoria);
  assert.deepEqual(bracketParties(aldoria), [table.aldoria.partyId]);

  // Aldoria itself may change its own proposal.
  firstText(aldoria).insert(31, 'all ');
  varenia.destroy();
  varenia = await synced(table.compactId, table.varenia);
  await waitFor(() => varenia.text().includes('protect all civilians'), 'the owner edits its bracket');
});

test('splitting a paragraph re-creates another party’s bracket word for word: a move, accepted', async () => {
  const table = await negotiationTable();
  const aldoria = await synced(table.compactId, table.aldoria);
  const varenia = await synced(table.compactId, table.varenia);
  const bracket = { bracket: { partyId: table.aldoria.partyId, userId: table.aldoria.id } };
  varenia.doc.transact(() => {
    // "The Mission shall |protect civilians now." → two paragraphs, as an editor's split may write it.
    firstText(varenia).delete(18, 22);
    const suffix = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [suffix]);
    provisionOf(varenia).insert(1, [paragraph]);
    suffix.insert(0, 'protect civilians', bracket);
    suffix.insert(17, ' now.', { bracket: null });
  });
  const plain = () => aldoria.text().replace(/<[^>]+>/g, '');
  await waitFor(() => plain() === 'The Mission shall \nprotect civilians now.', 'the split reaches Aldoria');
  assert.deepEqual(varenia.closeCodes, []);
  assert.ok(aldoria.text().includes(`<bracket partyId="${table.aldoria.partyId}"`), 'still Aldoria’s bracket');
});

test('an update setting a provision agreed from a socket is refused — with brackets in it or not', async () => {
  const table = await negotiationTable();
  const aldoria = await synced(table.compactId, table.aldoria);
  const varenia = await synced(table.compactId, table.varenia);
  await expectRefused(table, aldoria, () => provisionOf(aldoria).setAttribute('state', 'agreed'), varenia);
  assert.equal(provisionOf(varenia).getAttribute('state'), 'open');
});

test('options are proposed only in the sender’s own name and changed only by their party', async () => {
  const table = await negotiationTable('open', false);
  const aldoria = await synced(table.compactId, table.aldoria);
  let varenia = await synced(table.compactId, table.varenia);
  const optionFor = (member: Member, text: string) =>
    optionElement({ partyId: member.partyId, userId: member.id }, text);

  await expectRefused(
    table,
    varenia,
    () => provisionOf(varenia).insert(1, [optionFor(table.aldoria, 'Aldoria says')]),
    aldoria,
  );
  varenia.destroy();
  varenia = await synced(table.compactId, table.varenia);
  provisionOf(varenia).insert(1, [optionFor(table.varenia, 'Varenia proposes')]);
  await waitFor(() => aldoria.text().includes('Varenia proposes'), 'an option in one’s own name goes through');
  const varenianOption = () =>
    ((provisionOf(aldoria).get(1) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  await expectRefused(table, aldoria, () => varenianOption().insert(0, 'Not '), varenia);
});

test('a bracket added to an agreed provision demotes it to bracketed, by the server, audited', async () => {
  const table = await negotiationTable('agreed', false);
  const aldoria = await synced(table.compactId, table.aldoria);
  const varenia = await synced(table.compactId, table.varenia);
  firstText(varenia).format(0, 3, { bracket: { partyId: table.varenia.partyId, userId: table.varenia.id } });
  await waitFor(() => provisionOf(aldoria).getAttribute('state') === 'bracketed', 'demoted for everyone');
  const audit = db.sqlite
    .prepare("SELECT entity_id AS id FROM audit_events WHERE compact_id = ? AND action = 'provision.demoted'")
    .all(table.compactId);
  assert.deepEqual(audit, [{ id: table.provisionId }]);
  assert.deepEqual(varenia.closeCodes, []);
});

test('two provisions with the same id (concurrent copies) are repaired by the server: the first keeps it', async () => {
  const table = await negotiationTable('open', false);
  const aldoria = await synced(table.compactId, table.aldoria);
  const copy = new Y.XmlElement('provision');
  copy.setAttribute('id', table.provisionId);
  copy.setAttribute('kind', 'operative');
  copy.setAttribute('state', 'open');
  copy.insert(0, [paragraphElement('A pasted copy.')]);
  aldoria.doc.getXmlFragment(DOCUMENT_FIELD).insert(1, [copy]);
  const ids = () =>
    aldoria.doc
      .getXmlFragment(DOCUMENT_FIELD)
      .toArray()
      .map((element) => (element as Y.XmlElement).getAttribute('id'));
  await waitFor(() => new Set(ids()).size === 2, 'the copy gets a fresh id');
  assert.equal(ids()[0], table.provisionId);
});

test('deleting the whole of another party’s bracketed words but not its format items (left to the server’s clean-up) is refused', async () => {
  const table = await negotiationTable();
  const aldoria = await synced(table.compactId, table.aldoria);
  const varenia = await synced(table.compactId, table.varenia);
  await expectRefused(
    table,
    varenia,
    () =>
      varenia.doc.transact((tr) => {
        // Only the characters: Yjs's clean-up on the server then deletes the bracket's now empty opening.
        for (let item = firstText(varenia)._start; item !== null; item = item.right)
          if (item.content instanceof Y.ContentString && item.content.str === 'protect civilians') item.delete(tr);
      }),
    aldoria,
  );
  assert.deepEqual(bracketParties(aldoria), [table.aldoria.partyId]);
});

test('a second bracket under a hashed key (`bracket--<hash>`) on another party’s bracketed words is refused: the editor never writes one', async () => {
  const table = await negotiationTable();
  const aldoria = await synced(table.compactId, table.aldoria);
  const varenia = await synced(table.compactId, table.varenia);
  const before = updatesStored(table.compactId);
  // Varenia's own party, so the parties check alone sees nothing taken away from Aldoria.
  firstText(varenia).format(18, 17, {
    'bracket--abcdefgh': { partyId: table.varenia.partyId, userId: table.varenia.id },
  });
  await waitFor(() => varenia.closeCodes.includes(CLOSE.outsideSchema.code), 'the sender is refused');
  assert.equal(updatesStored(table.compactId), before, 'nothing stored');
  assert.ok(!JSON.stringify(firstText(aldoria).toDelta()).includes('bracket--'), 'never forwarded');
  assert.deepEqual(bracketParties(aldoria), [table.aldoria.partyId]);
});

test('an agreed provision moved in one update (deleted and re-created with its id and state, as the README allows) is accepted', async () => {
  const table = await negotiationTable('agreed', false);
  const aldoria = await synced(table.compactId, table.aldoria);
  const varenia = await synced(table.compactId, table.varenia);
  const fragment = varenia.doc.getXmlFragment(DOCUMENT_FIELD);
  const other = new Y.XmlElement('provision');
  other.setAttribute('id', newProvisionId());
  other.setAttribute('kind', 'operative');
  other.setAttribute('state', 'open');
  other.insert(0, [paragraphElement('Another provision.')]);
  fragment.insert(1, [other]);
  await waitFor(() => aldoria.doc.getXmlFragment(DOCUMENT_FIELD).length === 2, 'Aldoria has both provisions');

  varenia.doc.transact(() => {
    const moved = (fragment.get(0) as Y.XmlElement).clone();
    fragment.delete(0, 1);
    fragment.insert(1, [moved]);
  });
  const order = () =>
    aldoria.doc
      .getXmlFragment(DOCUMENT_FIELD)
      .toArray()
      .map(
        (element) =>
          `${String((element as Y.XmlElement).getAttribute('id'))}:${String((element as Y.XmlElement).getAttribute('state'))}`,
      );
  await waitFor(() => order().at(-1) === `${table.provisionId}:agreed`, 'Aldoria sees the agreed provision moved');
  assert.deepEqual(varenia.closeCodes, []);
  assert.ok(aldoria.text().includes('protect civilians'), 'with its wording');
});

test('the formatting clean-up the server runs after an accepted update reaches its sender too, so the sender does not keep a bracket nobody else has', async () => {
  const table = await negotiationTable('open', false);
  const aldoria = await synced(table.compactId, table.aldoria);
  const varenia = await synced(table.compactId, table.varenia);
  firstText(varenia).insert(0, 'abc ');
  firstText(varenia).format(0, 3, { bracket: { partyId: table.varenia.partyId, userId: table.varenia.id } });
  await waitFor(() => bracketParties(aldoria).includes(table.varenia.partyId), 'Aldoria sees Varenia’s bracket');
  // Only the characters (as an undo deletes them): the server's clean-up then deletes the bracket's empty opening.
  varenia.doc.transact((tr) => {
    for (let item = firstText(varenia)._start; item !== null; item = item.right)
      if (item.content instanceof Y.ContentString && item.content.str.startsWith('abc') && !item.deleted)
        item.delete(tr);
  });
  await waitFor(() => !aldoria.text().includes('abc'), 'Aldoria sees the words go');
  await waitFor(
    () => JSON.stringify(firstText(varenia).toDelta()) === JSON.stringify(firstText(aldoria).toDelta()),
    'Varenia’s text is the same as everyone else’s',
  );
  assert.deepEqual(bracketParties(varenia), []);
  assert.deepEqual(varenia.closeCodes, []);
});

test('an agreed provision found holding brackets (e.g. a bracket that raced the chair) is demoted by the next repair', async () => {
  const table = await negotiationTable('agreed', true);
  const aldoria = await synced(table.compactId, table.aldoria);
  const fresh = new Y.XmlElement('provision');
  fresh.setAttribute('kind', 'operative');
  fresh.setAttribute('state', 'open');
  fresh.insert(0, [paragraphElement('A new provision.')]);
  aldoria.doc.getXmlFragment(DOCUMENT_FIELD).insert(1, [fresh]);
  await waitFor(() => provisionOf(aldoria).getAttribute('state') === 'bracketed', 'the agreed provision is demoted');
});

test('a colleague (same party, another person) may delete or unbracket a bracket, but not write words in its proposer’s name', async () => {
  const table = await negotiationTable();
  const colleagueMember = await memberWithRole(db, table.compactId, 'negotiator', table.aldoria.partyId);
  const aldoria = await synced(table.compactId, table.aldoria);
  let colleague = await synced(table.compactId, colleagueMember);
  const inAldoriasName = { bracket: { partyId: table.aldoria.partyId, userId: table.aldoria.id } };
  // "The Mission shall [protect civilians] now." — typed inside, the words would carry Aldoria's negotiator's name.
  await expectRefused(table, colleague, () => firstText(colleague).insert(25, ' all', inAldoriasName), aldoria);
  colleague.destroy();
  colleague = await synced(table.compactId, colleagueMember);
  await expectRefused(table, colleague, () => firstText(colleague).format(35, 4, inAldoriasName), aldoria);
  colleague.destroy();
  colleague = await synced(table.compactId, colleagueMember);

  // In the colleague's own name, inside the bracket: the party's words, the colleague's.
  firstText(colleague).insert(25, ' all', { bracket: { partyId: table.aldoria.partyId, userId: colleagueMember.id } });
  const plain = () => aldoria.text().replace(/<[^>]+>/g, '');
  await waitFor(() => plain().includes('protect all civilians'), 'written in one’s own name');
  firstText(colleague).delete(18, 7);
  await waitFor(
    () => plain() === 'The Mission shall  all civilians now.',
    'the party may delete its colleague’s words',
  );
  assert.deepEqual(colleague.closeCodes, []);
});

test('a bracket that arrived by a server write (a restore) is protected at once: deleting its words from a socket is refused', async () => {
  // No bracket when the room loads: until then, updates without bracket content are not judged.
  const table = await negotiationTable('open', false);
  const aldoria = await synced(table.compactId, table.aldoria);
  let varenia = await synced(table.compactId, table.varenia);
  const update = buildServerUpdate(db.db, table.compactId, (doc) => {
    const provision = doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
    const text = (provision.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(18, 17, { bracket: { partyId: table.aldoria.partyId, userId: table.aldoria.id } });
  });
  await env.server.collab.writeUpdate(table.compactId, update, {
    userId: table.aldoria.id,
    partyId: table.aldoria.partyId,
  });
  await waitFor(() => bracketParties(varenia).includes(table.aldoria.partyId), 'Varenia sees the restored bracket');
  await waitFor(() => bracketParties(aldoria).includes(table.aldoria.partyId), 'Aldoria sees it too');
  // A deletion alone (no formatting in the update) inside Aldoria's bracketed words.
  await expectRefused(table, varenia, () => firstText(varenia).delete(23, 7), aldoria);
  varenia.destroy();
  varenia = await synced(table.compactId, table.varenia);
  assert.ok(varenia.text().includes('protect civilians'));
});

test('text deleted by a judged update is collected once judged: a fresh client’s sync answer and the checkpoints do not carry it', async () => {
  const table = await negotiationTable(); // a bracket: every update is judged
  const aldoria = await synced(table.compactId, table.aldoria);
  const varenia = await synced(table.compactId, table.varenia);
  firstText(varenia).insert(0, 'Withdrawn draft wording. ');
  await waitFor(() => aldoria.text().includes('Withdrawn draft wording.'), 'the words arrive');
  firstText(varenia).delete(0, 'Withdrawn draft wording. '.length);
  await waitFor(() => !aldoria.text().includes('Withdrawn draft wording.'), 'the deletion arrives');
  const room = [...env.server.collab.rooms.loaded()].find((loaded) => loaded.compactId === table.compactId)!;
  const fullState = Buffer.from(Y.encodeStateAsUpdate(room.doc)).toString('utf8');
  assert.ok(!fullState.includes('Withdrawn draft wording.'), 'the deleted words are gone from the room’s copy');
});
