import type { DbHandle } from '@/db/client';
import { appendDocUpdate, loadDoc } from '@/server/services/document-store';
import { contentToYUpdate } from '@/server/editor/document-content';
import { newProvisionId } from '@/shared/negotiation/vocabulary';
import { buildCompact } from './factories';
import { plainText } from '@/server/services/comments/anchor';
import { anchorOfPhrase, textRuns } from '@/server/services/comments/phrase-anchor';
import { encodeAnchorEnd as encodePosition } from '@/shared/comments/anchor-encoding';
import { createThread } from '@/server/services/comments/thread-writes';
import type { CommentVisibility } from '@/shared/comments/comment-rules';
import type { CompactRole } from '@/shared/roles';

export { anchorOfPhrase as anchorIn, encodePosition, textRuns };

/** The first few words of a compact's stored text (for tests that need any text to anchor to). */
export function someWordsOf(handle: DbHandle, compactId: string): string {
  const { doc } = loadDoc(handle.db, compactId);
  const run = textRuns(doc).find((text) => plainText(text).trim().length > 0);
  if (!run) throw new Error('the compact has no text');
  return plainText(run).slice(0, 8);
}

/** The anchor of `phrase` in the stored document of a compact. */
export function anchorFor(handle: DbHandle, compactId: string, phrase: string) {
  const { doc } = loadDoc(handle.db, compactId);
  return anchorOfPhrase(doc, phrase);
}

/** A thread on `phrase`, opened through the service by a member. */
export function buildThread(
  handle: DbHandle,
  compactId: string,
  author: { id: string; partyId: string; role?: CompactRole },
  phrase: string,
  visibility: CommentVisibility = 'all',
) {
  return createThread(
    handle.db,
    { userId: author.id, partyId: author.partyId, role: author.role ?? 'negotiator' },
    compactId,
    { ...anchorFor(handle, compactId, phrase), visibility, body: `On “${phrase}”.` },
  );
}

/** A compact whose text is one provision per paragraph given; answers its id and the provision ids. */
export function compactWithProvisions(handle: DbHandle, paragraphs: readonly string[]) {
  const compactId = buildCompact(handle).id;
  const provisionIds = paragraphs.map(() => newProvisionId());
  const update = contentToYUpdate({
    type: 'doc',
    content: paragraphs.map((text, index) => ({
      type: 'provision',
      attrs: { id: provisionIds[index], kind: 'operative', state: 'open' },
      content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    })),
  });
  appendDocUpdate(handle.db, compactId, update, { userId: null, partyId: null });
  return { compactId, provisionIds };
}
