import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveAnchor } from '@/server/services/comments/anchor';
import { loadDoc } from '@/server/services/document-store';
import { fragmentText, waitFor, waitForSync } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { anchorIn, compactWithProvisions, textRuns } from '../helpers/comment-fixtures';
import { memberWithRole } from '../helpers/factories';

const env = collabTestEnvironment();
const { db } = env;

test('a comment thread follows its words through another party’s concurrent inserts before them', async () => {
  const { compactId } = compactWithProvisions(db, ['The parties commit to a ceasefire within 72 hours.']);
  const aldoria = await memberWithRole(db, compactId, 'negotiator');
  const mission = await memberWithRole(db, compactId, 'negotiator');
  const a = env.connect(compactId, aldoria.cookie);
  const b = env.connect(compactId, mission.cookie);
  await Promise.all([waitForSync(a), waitForSync(b)]);

  // Aldoria's browser anchors the phrase on its copy while Mission types before it.
  const { anchor, provisionId } = anchorIn(a.doc, 'a ceasefire');
  textRuns(b.doc)[0]!.insert(0, 'Recalling resolution 2719, ');
  await waitFor(() => fragmentText(a.doc).startsWith('Recalling'), 'the insert stored and forwarded');
  const thread = await aldoria.caller.comments.create({
    compactId,
    anchor,
    provisionId,
    visibility: 'all',
    body: 'Ok?',
  });
  assert.equal(thread.quote, 'a ceasefire', 'the server reads the same words in the newer text');

  // Another insert before the phrase, after the thread was made.
  textRuns(b.doc)[0]!.insert('Recalling resolution 2719, The parties'.length, ' firmly');
  await waitFor(() => fragmentText(a.doc).includes('firmly'), 'the second insert reached Aldoria');
  assert.equal(
    fragmentText(a.doc),
    'Recalling resolution 2719, The parties firmly commit to a ceasefire within 72 hours.',
  );
  assert.equal(resolveAnchor(a.doc, thread.anchor).quote, 'a ceasefire', 'in the browser’s copy');
  assert.equal(resolveAnchor(loadDoc(db.db, compactId).doc, thread.anchor).quote, 'a ceasefire', 'in the stored text');
});
