import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import type { Redline, RedlineItem } from '@/shared/history/redline';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { firstTextBlock, waitFor, waitForSync } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { storedPlainText } from '../helpers/stored-text';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { provisionElement } from '../helpers/negotiation-fixtures';

const env = collabTestEnvironment();
const { db } = env;

const storedText = (compactId: string, uptoUpdateId?: number) => storedPlainText(db, compactId, uptoUpdateId);

const editorOf = (member: Member, compactId: string) => env.editor(compactId, member.cookie);

/** Runs an edit on a live editor and waits until the server has stored what it makes the text say. */
async function editAndStore(compactId: string, edit: () => void, expected: (text: string) => boolean, what: string) {
  edit();
  await waitFor(() => expected(storedText(compactId)), what);
}

const textNode = (doc: Y.Doc) => firstTextBlock(doc).get(0) as Y.XmlText;

/** Every text run of a redline with its change, as "+text by NAME/CODE", "-text by …" or "text". */
function runs(redline: Redline): string[] {
  const author = (index: number) => {
    const { name, partyCode } = redline.authors[index]!;
    return `${name ?? 'system'}/${partyCode ?? '-'}`;
  };
  const walk = (items: RedlineItem[]): string[] =>
    items.flatMap((item) => {
      if (item.kind === 'node') return walk(item.content);
      if (!item.change) return [item.text];
      return [`${item.change.type === 'added' ? '+' : '-'}${item.text} by ${author(item.change.author)}`];
    });
  return walk(redline.blocks);
}

async function twoPartyCompact() {
  const compactId = buildCompact(db, { text: 'The parties meet.' }).id;
  const [ald, varenia] = [buildParty(db), buildParty(db)];
  const admin = await memberWithRole(db, compactId, 'admin', ald.id);
  const aldoria = await memberWithRole(db, compactId, 'negotiator', ald.id);
  const varenian = await memberWithRole(db, compactId, 'negotiator', varenia.id);
  const nameOf = (member: Member) =>
    (db.sqlite.prepare('SELECT name FROM user WHERE id = ?').get(member.id) as { name: string }).name;
  return {
    compactId,
    admin,
    aldoria,
    varenian,
    label: {
      aldoria: `${nameOf(aldoria)}/${ald.shortCode}`,
      varenian: `${nameOf(varenian)}/${varenia.shortCode}`,
    },
    editors: { aldoria: await editorOf(aldoria, compactId), varenian: await editorOf(varenian, compactId) },
  };
}

test('compare credits each insertion to the party and person who typed it and each deletion to who deleted it', async () => {
  const { compactId, admin, aldoria, label, editors } = await twoPartyCompact();
  const zero = await admin.caller.versions.create({ compactId, name: 'Zero draft' });
  await editAndStore(
    compactId,
    () => textNode(editors.aldoria.doc).insert(0, 'Both '),
    (text) => text.startsWith('Both '),
    'Aldoria’s words are stored',
  );
  await waitFor(() => editors.varenian.text().startsWith('Both '), 'Varenia sees them');
  await editAndStore(
    compactId,
    () => textNode(editors.varenian.doc).delete('Both The parties '.length, 'meet'.length),
    (text) => text === 'Both The parties .',
    'Varenia’s deletion is stored',
  );
  const rev1 = await aldoria.caller.versions.create({ compactId, name: 'Rev.1' });

  const comparison = await admin.caller.versions.compare({ compactId, fromVersionId: zero.id, toVersionId: rev1.id });
  assert.deepEqual(runs(comparison.redline), [
    `+Both  by ${label.aldoria}`,
    'The parties ',
    `-meet by ${label.varenian}`,
    '.',
  ]);
  assert.equal(comparison.redline.changes, 2);
  const [provision] = comparison.redline.provisions;
  assert.ok(provision && provision.textChanged && !provision.added && !provision.removed);
  assert.equal(provision.labelBefore, 'OP 1');
  assert.equal(provision.authors.length, 2, 'both parties changed the provision');

  // Asked the other way round, the comparison is still from the earlier version to the later one.
  const reversed = await admin.caller.versions.compare({ compactId, fromVersionId: rev1.id, toVersionId: zero.id });
  assert.deepEqual(runs(reversed.redline), runs(comparison.redline));
  assert.equal(reversed.from.versionId, zero.id);

  // Against the text as stored now (no later version): nothing changed since Rev.1.
  const sinceRev1 = await admin.caller.versions.compare({ compactId, fromVersionId: rev1.id });
  assert.equal(sinceRev1.redline.changes, 0);
  assert.deepEqual(runs(sinceRev1.redline), ['Both The parties .']);
});

test('a deletion sent again later by another party (from an offline edit) stays credited to who made it first', async () => {
  const { compactId, admin, label, editors } = await twoPartyCompact();
  const zero = await admin.caller.versions.create({ compactId, name: 'Zero draft' });
  editors.aldoria.provider.disconnect();
  textNode(editors.aldoria.doc).delete('The '.length, 'parties '.length);
  await editAndStore(
    compactId,
    () => textNode(editors.varenian.doc).delete('The '.length, 'parties '.length),
    (text) => text === 'The meet.',
    'Varenia’s deletion is stored',
  );
  const storedBefore = (db.sqlite.prepare('SELECT max(id) AS id FROM doc_updates').get() as { id: number }).id;
  editors.aldoria.provider.connect();
  await waitForSync(editors.aldoria);
  // Aldoria's reconnection repeats the deletion; then Aldoria types, so something of theirs is stored after it.
  await editAndStore(
    compactId,
    () => textNode(editors.aldoria.doc).insert('The meet'.length, ' again'),
    (text) => text === 'The meet again.',
    'Aldoria’s later words are stored',
  );
  assert.ok((db.sqlite.prepare('SELECT max(id) AS id FROM doc_updates').get() as { id: number }).id > storedBefore);

  const comparison = await admin.caller.versions.compare({ compactId, fromVersionId: zero.id });
  assert.deepEqual(runs(comparison.redline), [
    'The ',
    `-parties  by ${label.varenian}`,
    'meet',
    `+ again by ${label.aldoria}`,
    '.',
  ]);
});

test('the provision summary names provisions added, removed and whose agreement state the chair changed', async () => {
  const { compactId, admin, aldoria, editors } = await twoPartyCompact();
  const zero = await admin.caller.versions.create({ compactId, name: 'Zero draft' });
  const fragment = () => editors.aldoria.doc.getXmlFragment(DOCUMENT_FIELD);
  await editAndStore(
    compactId,
    () => fragment().insert(1, [provisionElement('newprovision', 'The mission reports quarterly.')]),
    (text) => text.includes('quarterly'),
    'the new provision is stored',
  );
  const firstId = (fragment().get(0) as Y.XmlElement).getAttribute('id')!;
  await admin.caller.negotiation.setProvisionState({ compactId, provisionId: firstId, state: 'agreed' });
  await waitFor(
    () => (fragment().get(0) as Y.XmlElement).getAttribute('state') === 'agreed',
    'the chair’s decision reaches the editor',
  );
  const rev1 = await aldoria.caller.versions.create({ compactId, name: 'Rev.1' });
  const comparison = await admin.caller.versions.compare({ compactId, fromVersionId: zero.id, toVersionId: rev1.id });
  const byId = new Map(comparison.redline.provisions.map((change) => [change.provisionId, change]));
  const added = byId.get('newprovision');
  assert.ok(added?.added && added.labelAfter === 'OP 2' && added.labelBefore === null);
  assert.equal(added.firstWords, 'The mission reports quarterly.');
  const decided = byId.get(firstId);
  assert.ok(decided && !decided.textChanged && !decided.added);
  assert.equal(decided.stateBefore, 'open');
  assert.equal(decided.stateAfter, 'agreed');
  const chair = comparison.redline.authors[decided.authors[0]!]!;
  assert.equal(chair.userId, admin.id, 'the state change is the chair’s');

  // Deleting the new provision: removed whole, credited to who deleted it.
  await editAndStore(
    compactId,
    () => fragment().delete(1, 1),
    (text) => !text.includes('quarterly'),
    'the deletion is stored',
  );
  const sinceRev1 = await admin.caller.versions.compare({ compactId, fromVersionId: rev1.id });
  const [removed] = sinceRev1.redline.provisions;
  assert.ok(removed?.removed && removed.labelBefore === 'OP 2' && removed.labelAfter === null);
  assert.equal(sinceRev1.redline.authors[removed.authors[0]!]!.userId, aldoria.id);
  const removedBlock = sinceRev1.redline.blocks[1]!;
  assert.equal(removedBlock.change?.type, 'removed');
  assert.deepEqual(
    runs({ ...sinceRev1.redline, blocks: [removedBlock] }),
    ['The mission reports quarterly.'],
    'the words inside a removed provision are not marked again',
  );
});
