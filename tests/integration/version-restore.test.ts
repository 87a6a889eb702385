import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as Y from 'yjs';
import { yDocToContent, yDocToPlainText } from '@/server/editor/document-content';
import { verifyStoredChain } from '@/server/services/audit-verify';
import { loadDoc } from '@/server/services/document-store';
import { contentHash } from '@/shared/history/canonical-form';
import type { Redline, RedlineItem } from '@/shared/history/redline';
import { firstTextBlock, waitFor } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';

const env = collabTestEnvironment();
const { db } = env;

function stored(compactId: string) {
  const { doc } = loadDoc(db.db, compactId);
  try {
    return { text: yDocToPlainText(doc), json: yDocToContent(doc) };
  } finally {
    doc.destroy();
  }
}

const editorOf = (member: Member, compactId: string) => env.editor(compactId, member.cookie);

const textNode = (doc: Y.Doc) => firstTextBlock(doc).get(0) as Y.XmlText;

/** Changed runs of a redline as "+text:userId" / "-text:userId". */
function changedRuns(redline: Redline): string[] {
  const walk = (items: RedlineItem[]): string[] =>
    items.flatMap((item) => {
      if (item.kind === 'node') return walk(item.content);
      if (!item.change) return [];
      const who = redline.authors[item.change.author]!.userId;
      return [`${item.change.type === 'added' ? '+' : '-'}${item.text}:${who}`];
    });
  return walk(redline.blocks);
}

async function compactWithEditors() {
  const compactId = buildCompact(db, { text: 'The parties meet.' }).id;
  const [ald, varenia] = [buildParty(db), buildParty(db)];
  const admin = await memberWithRole(db, compactId, 'admin', buildParty(db).id);
  const aldoria = await memberWithRole(db, compactId, 'negotiator', ald.id);
  const varenian = await memberWithRole(db, compactId, 'negotiator', varenia.id);
  return {
    compactId,
    admin,
    aldoria,
    varenian,
    editors: { aldoria: await editorOf(aldoria, compactId), varenian: await editorOf(varenian, compactId) },
  };
}

test('restoring a version is a forward edit by the administrator: the text is the version’s, unchanged words keep their authors', async () => {
  const { compactId, admin, aldoria, varenian, editors } = await compactWithEditors();
  textNode(editors.aldoria.doc).insert(0, 'Both ');
  await waitFor(() => stored(compactId).text === 'Both The parties meet.', 'Aldoria’s words are stored');
  const rev1 = await aldoria.caller.versions.create({ compactId, name: 'Rev.1' });
  await waitFor(() => editors.varenian.text() === 'Both The parties meet.', 'Varenia is in sync');
  textNode(editors.varenian.doc).insert('Both The parties meet'.length, ' today');
  textNode(editors.varenian.doc).delete(0, 'Both '.length);
  await waitFor(() => stored(compactId).text === 'The parties meet today.', 'Varenia’s edits are stored');
  const rev2 = await varenian.caller.versions.create({ compactId, name: 'Rev.2' });
  const updatesBefore = (db.sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;

  const outcome = await admin.caller.versions.restore({ compactId, versionId: rev1.id });
  assert.ok(outcome.updateId !== null && outcome.exact);
  assert.equal(stored(compactId).text, 'Both The parties meet.');
  assert.equal(contentHash(stored(compactId).json), rev1.contentHash);
  await waitFor(() => editors.aldoria.text() === 'Both The parties meet.', 'the editors see the restored text live');

  // Recorded and attributed: a new stored update by the administrator; nothing earlier changed.
  const newest = db.sqlite
    .prepare('SELECT id, user_id AS userId FROM doc_updates WHERE compact_id = ? ORDER BY id DESC LIMIT 1')
    .get(compactId) as { id: number; userId: string };
  assert.deepEqual(newest, { id: outcome.updateId, userId: admin.id });
  assert.ok((db.sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n > updatesBefore);

  // Since Rev.2, the restore's changes are the administrator's, and only what changed since Rev.1
  // was touched: “The parties meet” keeps its items and authors.
  const sinceRev2 = await admin.caller.versions.compare({ compactId, fromVersionId: rev2.id });
  assert.deepEqual(changedRuns(sinceRev2.redline).sort(), [`+Both :${admin.id}`, `- today:${admin.id}`].sort());
  // Rev.2 itself still compares with Rev.1 as it did: Varenia's changes.
  const rev1ToRev2 = await admin.caller.versions.compare({ compactId, fromVersionId: rev1.id, toVersionId: rev2.id });
  assert.deepEqual(changedRuns(rev1ToRev2.redline).sort(), [`+ today:${varenian.id}`, `-Both :${varenian.id}`].sort());

  const event = db.sqlite
    .prepare(
      "SELECT actor_user_id AS actor, after FROM audit_events WHERE compact_id = ? AND action = 'version.restored'",
    )
    .get(compactId) as { actor: string; after: string };
  assert.equal(event.actor, admin.id);
  assert.equal(JSON.parse(event.after).contentHash, rev1.contentHash);
  assert.ok(verifyStoredChain(db.sqlite, compactId).ok);
});

test('a restored bracket keeps the party and person who proposed it, whoever restores it', async () => {
  const { compactId, admin, aldoria, editors } = await compactWithEditors();
  const bracket = { partyId: aldoria.partyId, userId: aldoria.id };
  textNode(editors.aldoria.doc).format('The '.length, 'parties'.length, { bracket });
  const bracketed = (json: unknown) => JSON.stringify(json).includes(`"partyId":"${aldoria.partyId}"`);
  await waitFor(() => bracketed(stored(compactId).json), 'the bracket is stored');
  const rev1 = await aldoria.caller.versions.create({ compactId, name: 'Bracketed' });
  textNode(editors.aldoria.doc).format('The '.length, 'parties'.length, { bracket: null });
  await waitFor(() => !bracketed(stored(compactId).json), 'the bracket is taken off');

  const outcome = await admin.caller.versions.restore({ compactId, versionId: rev1.id });
  assert.ok(outcome.exact);
  const marks = JSON.stringify(stored(compactId).json);
  assert.ok(marks.includes(JSON.stringify({ type: 'bracket', attrs: bracket })), marks);
});

test('restoring the text it already is changes nothing', async () => {
  const { compactId, admin } = await compactWithEditors();
  const same = await admin.caller.versions.create({ compactId, name: 'As is' });
  const outcome = await admin.caller.versions.restore({ compactId, versionId: same.id });
  assert.deepEqual(outcome, { updateId: null, exact: true });
});

test('restoring a version again once the text is that version writes nothing', async () => {
  const { compactId, admin, aldoria, editors } = await compactWithEditors();
  const rev1 = await aldoria.caller.versions.create({ compactId, name: 'Rev.1' });
  textNode(editors.aldoria.doc).delete(0, 'The '.length);
  await waitFor(() => stored(compactId).text === 'parties meet.', 'the deletion is stored');
  const first = await admin.caller.versions.restore({ compactId, versionId: rev1.id });
  assert.ok(first.updateId !== null && first.exact);
  const count = () => (db.sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;
  const updatesBefore = count();

  const again = await admin.caller.versions.restore({ compactId, versionId: rev1.id });
  assert.deepEqual(again, { updateId: null, exact: true });
  assert.equal(count(), updatesBefore);
  assert.equal(stored(compactId).text, 'The parties meet.');
});
