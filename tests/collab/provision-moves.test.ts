import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JSONContent } from '@tiptap/core';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { compactTextSchema, contentToYUpdate } from '@/server/editor/document-content';
import { appendDocUpdate } from '@/server/services/document-store';
import { CLOSE } from '@/shared/collab/close-codes';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { newProvisionId } from '@/shared/negotiation/vocabulary';
import { waitFor, waitForSync, type TestClient } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, memberWithRole, type Member } from '../helpers/factories';
import { storedUpdates } from '../helpers/test-db';

const env = collabTestEnvironment({ idleUnloadMs: 100, refusalCooldownMs: 0 });
const { db } = env;

interface Table {
  compactId: string;
  aldoria: Member;
  varenia: Member;
  /** Provision ids in document order: A (agreed), B (Aldoria's bracket), C, D (agreed ad ref.). */
  ids: string[];
}

const provision = (id: string, state: string, content: JSONContent[]): JSONContent => ({
  type: 'provision',
  attrs: { id, kind: 'operative', state },
  content: [{ type: 'paragraph', content }],
});

/** Four provisions: A agreed, B with Aldoria's bracket, C open, D agreed ad referendum. */
async function movesTable(): Promise<Table> {
  const { id: compactId } = buildCompact(db);
  const aldoria = await memberWithRole(db, compactId, 'negotiator');
  const varenia = await memberWithRole(db, compactId, 'negotiator');
  const ids = [newProvisionId(), newProvisionId(), newProvisionId(), newProvisionId()];
  const bracket = { type: 'bracket', attrs: { partyId: aldoria.partyId, userId: aldoria.id } };
  const content = {
    type: 'doc',
    content: [
      provision(ids[0]!, 'agreed', [{ type: 'text', text: 'Alpha is agreed.' }]),
      provision(ids[1]!, 'bracketed', [
        { type: 'text', text: 'Bravo shall ' },
        { type: 'text', text: 'protect civilians', marks: [bracket] },
        { type: 'text', text: ' now.' },
      ]),
      provision(ids[2]!, 'open', [{ type: 'text', text: 'Charlie is open.' }]),
      provision(ids[3]!, 'agreed-ad-ref', [{ type: 'text', text: 'Delta awaits capitals.' }]),
    ],
  };
  appendDocUpdate(db.db, compactId, contentToYUpdate(content), { userId: null, partyId: null });
  return { compactId, aldoria, varenia, ids };
}

async function synced(compactId: string, member: Member): Promise<TestClient> {
  const client = env.connect(compactId, member.cookie);
  await waitForSync(client);
  return client;
}

const provisions = (client: TestClient) =>
  client.doc
    .getXmlFragment(DOCUMENT_FIELD)
    .toArray()
    .map((element) => element as Y.XmlElement);

/** "id:state:text" per provision, in document order. */
const layout = (client: TestClient) =>
  provisions(client).map(
    (element) =>
      `${String(element.getAttribute('id'))}:${String(element.getAttribute('state'))}:${element.toString().replace(/<[^>]+>/g, '')}`,
  );

/** Rewrites the text to `reorder(provisions)` the way the browser editor's sync does (y-prosemirror's diff, one transaction). */
function reorderLikeTheEditor(client: TestClient, reorder: (blocks: JSONContent[]) => JSONContent[]) {
  const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
  const schema = compactTextSchema();
  const current = yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON() as JSONContent;
  const next = schema.nodeFromJSON({ ...current, content: reorder(current.content!) });
  next.check();
  client.doc.transact(() => updateYFragment(client.doc, fragment, next, { mapping: new Map(), isOMark: new Map() }));
}

async function expectRefused(table: Table, sender: TestClient, watcher: TestClient, edit: () => void) {
  const stored = () => storedUpdates(db, table.compactId);
  const before = stored();
  const layoutBefore = layout(watcher);
  edit();
  await waitFor(() => sender.closeCodes.includes(CLOSE.proposalRefused.code), 'the sender is refused');
  assert.equal(stored(), before, 'nothing stored');
  await waitFor(() => watcher.provider.synced && watcher.provider.wsconnected, 'the watcher is back in sync');
  assert.deepEqual(layout(watcher), layoutBefore, 'never forwarded');
}

test('dragging an agreed provision to the end, as the editor writes it (attributes of the provisions in between rewritten in place), is accepted: every provision keeps its id, state, words and brackets', async () => {
  const table = await movesTable();
  const aldoria = await synced(table.compactId, table.aldoria);
  const varenia = await synced(table.compactId, table.varenia);
  const expected = [1, 2, 3, 0].map((i) => layout(aldoria)[i]);

  reorderLikeTheEditor(varenia, ([first, ...rest]) => [...rest, first!]);

  await waitFor(() => layout(aldoria).join('|') === expected.join('|'), 'Aldoria sees the provision moved');
  assert.deepEqual(varenia.closeCodes, []);
  const bravo = provisions(aldoria).find((element) => element.getAttribute('id') === table.ids[1])!;
  assert.ok(bravo.toString().includes(`partyId="${table.aldoria.partyId}"`), 'Aldoria’s bracket moved with its words');
});

test('dragging provisions the other way, and swapping two, is accepted too', async () => {
  const table = await movesTable();
  const aldoria = await synced(table.compactId, table.aldoria);
  const varenia = await synced(table.compactId, table.varenia);
  const start = layout(aldoria);

  reorderLikeTheEditor(varenia, (blocks) => [blocks[3]!, blocks[0]!, blocks[1]!, blocks[2]!]);
  await waitFor(() => layout(aldoria)[0] === start[3], 'the last provision moved first');
  reorderLikeTheEditor(varenia, (blocks) => [blocks[2]!, blocks[1]!, blocks[0]!, blocks[3]!]);
  await waitFor(
    () => layout(aldoria).join('|') === [start[1], start[0], start[3], start[2]].join('|'),
    'two provisions swapped',
  );
  assert.deepEqual(varenia.closeCodes, []);
});

test('a socket cannot move a state between ids: setting an open provision agreed, handing an agreed id to a second provision, or demoting one, is refused', async () => {
  const table = await movesTable();
  const aldoria = await synced(table.compactId, table.aldoria);
  let varenia = await synced(table.compactId, table.varenia);
  const reconnect = async () => {
    varenia.destroy();
    varenia = await synced(table.compactId, table.varenia);
  };

  // Charlie takes Alpha's state while Alpha keeps it: two provisions agreed where the chair declared one.
  await expectRefused(table, varenia, aldoria, () => provisions(varenia)[2]!.setAttribute('state', 'agreed'));
  await reconnect();
  // Charlie takes Alpha's id and state: two holders of one agreed id.
  await expectRefused(table, varenia, aldoria, () =>
    varenia.doc.transact(() => {
      provisions(varenia)[2]!.setAttribute('id', table.ids[0]!);
      provisions(varenia)[2]!.setAttribute('state', 'agreed');
    }),
  );
  await reconnect();
  // Alpha's state handed to Charlie's id, Alpha left open: the agreement would now cover Charlie's words.
  await expectRefused(table, varenia, aldoria, () =>
    varenia.doc.transact(() => {
      provisions(varenia)[0]!.setAttribute('state', 'open');
      provisions(varenia)[2]!.setAttribute('state', 'agreed');
    }),
  );
  await reconnect();
  // Alpha keeps its words but gets a new id, still agreed: an agreement the chair never declared for that id.
  await expectRefused(table, varenia, aldoria, () => provisions(varenia)[0]!.setAttribute('id', newProvisionId()));
  await reconnect();
  await expectRefused(table, varenia, aldoria, () => provisions(varenia)[3]!.setAttribute('state', 'open'));
});

test('an agreed provision deleted and brought back (the editor’s undo) under its id comes back open: the agreement is not the socket’s to restore', async () => {
  const table = await movesTable();
  const aldoria = await synced(table.compactId, table.aldoria);
  let varenia = await synced(table.compactId, table.varenia);
  const fragment = varenia.doc.getXmlFragment(DOCUMENT_FIELD);
  const copy = (fragment.get(0) as Y.XmlElement).clone();
  fragment.delete(0, 1);
  await waitFor(() => provisions(aldoria).length === 3, 'the deletion reaches Aldoria');

  await expectRefused(table, varenia, aldoria, () => fragment.insert(0, [copy]));
  varenia.destroy();
  varenia = await synced(table.compactId, table.varenia);
  const reopened = copy.clone();
  reopened.setAttribute('state', 'open');
  varenia.doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [reopened]);
  await waitFor(() => provisions(aldoria).length === 4, 'brought back open, it goes through');
  assert.equal(provisions(aldoria)[0]!.getAttribute('id'), table.ids[0]);
  assert.equal(provisions(aldoria)[0]!.getAttribute('state'), 'open');
});

test('an id or state that is not a string cannot pass for the string it prints as: an agreed provision re-id’d [id] or its state written ["agreed"] is refused', async () => {
  const table = await movesTable();
  const aldoria = await synced(table.compactId, table.aldoria);
  let varenia = await synced(table.compactId, table.varenia);

  // String(['abc']) === 'abc': the server's repair would then give Alpha a fresh id, open — a demotion by the back door.
  await expectRefused(table, varenia, aldoria, () =>
    provisions(varenia)[0]!.setAttribute('id', [table.ids[0]!] as unknown as string),
  );
  varenia.destroy();
  varenia = await synced(table.compactId, table.varenia);
  await expectRefused(table, varenia, aldoria, () =>
    provisions(varenia)[0]!.setAttribute('state', ['agreed'] as unknown as string),
  );
});
