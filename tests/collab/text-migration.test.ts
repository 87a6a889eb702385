import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { compacts } from '@/db/schema/compacts';
import { migrateLegacyTexts } from '@/server/collab/text-migration';
import { contentToYUpdate, yDocToContent } from '@/server/editor/document-content';
import { appendDocUpdate, loadDoc } from '@/server/services/document-store';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { PROVISION_ID_PATTERN } from '@/shared/negotiation/vocabulary';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact } from '../helpers/factories';
import { storedUpdates } from '../helpers/test-db';

const env = collabTestEnvironment();
const { db } = env;

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A compact whose text was written before provisions existed (text form 1). */
function legacyCompact() {
  const { id } = buildCompact(db);
  db.db.update(compacts).set({ textFormat: 1 }).where(eq(compacts.id, id)).run();
  const legacy = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Compact' }] },
      paragraph('Recalling the mandate,'),
      { type: 'paragraph' },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Priorities' }] },
      {
        type: 'orderedList',
        content: [
          { type: 'listItem', content: [paragraph('First commitment.')] },
          { type: 'listItem', content: [paragraph('Second commitment.')] },
        ],
      },
      paragraph('A closing paragraph.'),
    ],
  };
  appendDocUpdate(db.db, id, contentToYUpdate(legacy), { userId: null, partyId: null });
  return id;
}

const storedContent = (compactId: string) => yDocToContent(loadDoc(db.db, compactId).doc);

test('an existing compact text is migrated once into sections and provisions, through the server write path, attributed to the system', async () => {
  const compactId = legacyCompact();
  const before = storedUpdates(db, compactId);
  assert.ok((await migrateLegacyTexts(db.db, env.server.collab)) >= 1);
  const content = storedContent(compactId);
  const blocks = content.content!;
  assert.deepEqual(
    blocks.map((block) => `${block.type}${block.attrs?.kind ? `:${block.attrs.kind}` : ''}`),
    ['heading', 'provision:preambular', 'heading', 'provision:operative', 'provision:operative', 'provision:operative'],
    'headings stay; list items become operative provisions; other paragraphs provisions; empty ones dropped',
  );
  const ids = blocks.filter((block) => block.type === 'provision').map((block) => block.attrs!.id as string);
  assert.ok(ids.every((id) => PROVISION_ID_PATTERN.test(id)));
  assert.equal(new Set(ids).size, ids.length, 'every provision has its own id');
  assert.ok(blocks.every((block) => block.type !== 'provision' || block.attrs!.state === 'open'));
  const rows = db.sqlite
    .prepare('SELECT user_id AS userId, party_id AS partyId FROM doc_updates WHERE compact_id = ? ORDER BY id')
    .all(compactId);
  assert.equal(rows.length, before + 1, 'one forward update');
  assert.deepEqual(rows.at(-1), { userId: null, partyId: null }, 'attributed to the system');
  const [row] = db.db
    .select({ textFormat: compacts.textFormat })
    .from(compacts)
    .where(eq(compacts.id, compactId))
    .all();
  assert.equal(row!.textFormat, 2);

  assert.equal(await migrateLegacyTexts(db.db, env.server.collab), 0, 'nothing left to migrate');
  db.db.update(compacts).set({ textFormat: 1 }).where(eq(compacts.id, compactId)).run();
  assert.equal(await migrateLegacyTexts(db.db, env.server.collab), 0, 'a text already in provision form is left alone');
  assert.deepEqual(storedContent(compactId), content);
});

test('a text that cannot be converted is left as it was, and the others are still migrated', async () => {
  const { id: unreadable } = buildCompact(db);
  db.db.update(compacts).set({ textFormat: 1 }).where(eq(compacts.id, unreadable)).run();
  const legacy = new Y.Doc();
  legacy.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlElement('horizontalRule')]); // not in today's schema
  appendDocUpdate(db.db, unreadable, Y.encodeStateAsUpdate(legacy), { userId: null, partyId: null });
  const readable = legacyCompact();
  const stored = () => storedUpdates(db, unreadable);

  const before = stored();
  assert.equal(await migrateLegacyTexts(db.db, env.server.collab), 1, 'the readable text is migrated');
  const textFormat = (compactId: string) =>
    db.db.select({ textFormat: compacts.textFormat }).from(compacts).where(eq(compacts.id, compactId)).all()[0]!
      .textFormat;
  assert.equal(textFormat(readable), 2);
  assert.equal(textFormat(unreadable), 1, 'tried again at the next start');
  assert.deepEqual(stored(), before, 'nothing written to the unreadable text');
});
