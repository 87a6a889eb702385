import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Editor, type JSONContent } from '@tiptap/core';
import { Fragment, Slice } from '@tiptap/pm/model';
import { findWrapping } from '@tiptap/pm/transform';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { contentToYUpdate } from '@/server/editor/document-content';
import { appendDocUpdate } from '@/server/services/document-store';
import { compactTextExtensions, DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { partyAwareUndoManager } from '@/shared/editor/negotiation/party-undo';
import { newProvisionId } from '@/shared/negotiation/vocabulary';
import { waitFor, waitForSync, type TestClient } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, memberWithRole, type Member } from '../helpers/factories';

// Some extensions' keyboard shortcuts read the platform; Node 20 has no navigator.
globalThis.navigator ??= { platform: 'Linux', userAgent: 'node' } as Navigator;

const env = collabTestEnvironment({ idleUnloadMs: 100, refusalCooldownMs: 0 });
const { db } = env;

/** A browser editor's text over a real client: local edits through the app's plugins, synced as y-prosemirror does. */
function editorOn(client: TestClient, member: Member) {
  const proposer = { partyId: member.partyId!, userId: member.id };
  const blocked: string[] = [];
  const editor = new Editor({
    element: null,
    content: { type: 'doc', content: [{ type: 'provision', content: [{ type: 'paragraph' }] }] },
    extensions: compactTextExtensions({ proposer: () => proposer, onBlocked: (reason) => blocked.push(reason) }),
  });
  const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
  const undo = partyAwareUndoManager(client.doc, () => proposer);
  return {
    blocked,
    undo,
    edit(build: (state: EditorState) => Transaction) {
      const doc = yXmlFragmentToProseMirrorRootNode(fragment, editor.schema);
      const state = EditorState.create({ doc, plugins: editor.extensionManager.plugins });
      const next = state.applyTransaction(build(state)).state;
      client.doc.transact(
        () => updateYFragment(client.doc, fragment, next.doc, { mapping: new Map(), isOMark: new Map() }),
        ySyncPluginKey,
      );
    },
  };
}

async function table(paragraph: (aldoria: Member, varenia: Member) => JSONContent[], state = 'open') {
  const { id: compactId } = buildCompact(db);
  const aldoria = await memberWithRole(db, compactId, 'negotiator');
  const varenia = await memberWithRole(db, compactId, 'negotiator');
  const content = {
    type: 'doc',
    content: [
      {
        type: 'provision',
        attrs: { id: newProvisionId(), kind: 'operative', state },
        content: [{ type: 'paragraph', content: paragraph(aldoria, varenia) }],
      },
    ],
  };
  appendDocUpdate(db.db, compactId, contentToYUpdate(content), { userId: null, partyId: null });
  const connect = async (member: Member) => {
    const client = env.connect(compactId, member.cookie);
    await waitForSync(client);
    return client;
  };
  return { aldoria, varenia, a: await connect(aldoria), v: await connect(varenia) };
}

/** "<before>[<words>]<after>" with the words bracketed by `owner`. */
const bracketedText = (owner: Member, before: string, words: string, after: string): JSONContent[] => [
  { type: 'text', text: before },
  { type: 'text', text: words, marks: [{ type: 'bracket', attrs: { partyId: owner.partyId, userId: owner.id } }] },
  { type: 'text', text: after },
];

const textStart = 2; // provision and paragraph openings

test('undoing a deletion whose place another party has since bracketed is not refused by the server', async () => {
  const { aldoria, varenia, a, v } = await table(() => [{ type: 'text', text: 'The parties quarterly shall meet.' }]);
  const varEditor = editorOn(v, varenia);
  const aldEditor = editorOn(a, aldoria);
  varEditor.edit((state) => state.tr.delete(textStart + 12, textStart + 22)); // "quarterly "
  await waitFor(() => a.text() === 'The parties shall meet.', 'Aldoria sees the deletion');
  aldEditor.edit((state) =>
    state.tr.addMark(
      textStart + 4,
      textStart + 17,
      state.schema.marks.bracket!.create({ partyId: aldoria.partyId, userId: aldoria.id }),
    ),
  );
  await waitFor(
    () => v.doc.getXmlFragment(DOCUMENT_FIELD).toString().includes(aldoria.partyId!),
    'Varenia sees the bracket',
  );
  varEditor.undo.undo();
  await expectAccepted(v, a, varEditor);
  assert.equal(
    a.text().replace(/<[^>]+>/g, ''),
    'The parties shall meet.!',
    'Aldoria’s bracketed words are as she left them',
  );
});

test('undoing the removal of my bracket after another party bracketed the same words is not refused either', async () => {
  const { aldoria, varenia, a, v } = await table((_aldoria, varenia) =>
    bracketedText(varenia, 'The parties ', 'shall meet', '.'),
  );
  const varEditor = editorOn(v, varenia);
  const aldEditor = editorOn(a, aldoria);
  const words = [textStart + 12, textStart + 22] as const;
  varEditor.edit((state) => state.tr.removeMark(...words, state.schema.marks.bracket!));
  await waitFor(
    () => !a.doc.getXmlFragment(DOCUMENT_FIELD).toString().includes(varenia.partyId!),
    'Aldoria sees it unbracketed',
  );
  aldEditor.edit((state) =>
    state.tr.addMark(...words, state.schema.marks.bracket!.create({ partyId: aldoria.partyId, userId: aldoria.id })),
  );
  await waitFor(
    () => v.doc.getXmlFragment(DOCUMENT_FIELD).toString().includes(aldoria.partyId!),
    'Varenia sees the bracket',
  );
  varEditor.undo.undo();
  await expectAccepted(v, a, varEditor);
});

/** Varenia types a mark at the end after the change under test: it reaches Aldoria, or Varenia was refused. */
async function expectAccepted(v: TestClient, a: TestClient, editor: ReturnType<typeof editorOn>) {
  editor.edit((state) => state.tr.insertText('!', state.doc.content.size - 2));
  await waitFor(() => a.text().endsWith('!') || v.closeCodes.length > 0, 'the change reaches Aldoria or is refused');
  assert.deepEqual(v.closeCodes, [], 'Varenia’s editor was not closed');
  assert.deepEqual(editor.blocked, []);
}

test('pasting a provision into one that holds another party’s bracket splits it without being refused', async () => {
  const { aldoria, varenia, a, v } = await table(
    (aldoria) => bracketedText(aldoria, 'The Mission shall ', 'protect civilians', ' now.'),
    'bracketed',
  );
  void aldoria;
  const varEditor = editorOn(v, varenia);
  varEditor.edit((state) => {
    const pasted = state.schema.nodeFromJSON({
      type: 'provision',
      attrs: { id: newProvisionId(), kind: 'operative', state: 'open' },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pasted.' }] }],
    });
    return state.tr.replace(textStart + 12, textStart + 12, new Slice(Fragment.from(pasted), 0, 0));
  });
  await expectAccepted(v, a, varEditor);
  const ids = a.doc
    .getXmlFragment(DOCUMENT_FIELD)
    .toArray()
    .map((p) => (p as Y.XmlElement).getAttribute('id'));
  assert.equal(new Set(ids).size, ids.length, `every provision has its own id: ${ids.join()}`);
});

test('making a paragraph that holds another party’s bracket a bullet list (its words kept) is not refused', async () => {
  const { varenia, a, v } = await table((aldoria) =>
    bracketedText(aldoria, 'The Mission shall ', 'protect civilians', ' now.'),
  );
  const varEditor = editorOn(v, varenia);
  varEditor.edit((state) => {
    const range = state.doc.resolve(textStart + 1).blockRange()!;
    return state.tr.wrap(range, findWrapping(range, state.schema.nodes.bulletList!)!);
  });
  await expectAccepted(v, a, varEditor);
  assert.match(a.doc.getXmlFragment(DOCUMENT_FIELD).toString(), /<bulletlist>/i, 'Aldoria sees the list');
});

test('a dropped slice holding another party’s bracketed words is stopped even when an agreed provision follows them', async () => {
  const { aldoria, varenia, v } = await table(() => [{ type: 'text', text: 'The Mission shall meet.' }]);
  const varEditor = editorOn(v, varenia);
  const before = v.doc.getXmlFragment(DOCUMENT_FIELD).toString();
  varEditor.edit((state) => {
    const bracket = state.schema.marks.bracket!.create({ partyId: aldoria.partyId, userId: aldoria.id });
    const provision = (state_: string, text: ReturnType<typeof state.schema.text>) =>
      state.schema.nodes.provision!.create(
        { id: newProvisionId(), state: state_ },
        state.schema.nodes.paragraph!.create(null, text),
      );
    const slice = new Slice(
      Fragment.from([
        provision('bracketed', state.schema.text('Theirs', [bracket])),
        provision('agreed', state.schema.text('Agreed.')),
      ]),
      0,
      0,
    );
    return state.tr.replace(state.doc.content.size, state.doc.content.size, slice);
  });
  assert.deepEqual(varEditor.blocked, ['foreign-bracket']);
  assert.equal(v.doc.getXmlFragment(DOCUMENT_FIELD).toString(), before, 'nothing written');
});
