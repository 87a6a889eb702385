import * as Y from 'yjs';
import type { DbHandle } from '@/db/client';
import { appendDocUpdate, loadDoc } from '@/server/services/document-store';
import { contentToYUpdate } from '@/server/editor/document-content';
import { newProvisionId } from '@/shared/negotiation/vocabulary';
import { buildCompact } from './factories';
import { plainText } from '@/server/services/comments/anchor';
import { createThread } from '@/server/services/comments/thread-writes';
import { bytesToBase64 } from '@/shared/comments/anchor-encoding';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import type { CommentVisibility } from '@/shared/comments/comment-rules';
import type { CompactRole } from '@/shared/roles';

/** Every run of text in the document (the Y.XmlText of each paragraph and heading), in order. */
export function textRuns(doc: Y.Doc): Y.XmlText[] {
  const runs: Y.XmlText[] = [];
  const visit = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) runs.push(node);
    else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) node.toArray().forEach(visit);
  };
  visit(doc.getXmlFragment(DOCUMENT_FIELD));
  return runs;
}

export const encodePosition = (position: Y.RelativePosition) => bytesToBase64(Y.encodeRelativePosition(position));

/** The provision (top-level element) a text run sits in. */
function provisionIdOf(run: Y.XmlText): string | null {
  let node: Y.XmlElement | Y.XmlText = run;
  while (node.parent instanceof Y.XmlElement) node = node.parent;
  return node instanceof Y.XmlElement ? ((node.getAttribute('id') as string | undefined) ?? null) : null;
}

/**
 * The anchor a browser would send for `phrase` in `doc` (its first occurrence): start and end as
 * relative positions associated to the left, as y-tiptap makes them from a selection.
 */
export function anchorIn(doc: Y.Doc, phrase: string) {
  for (const run of textRuns(doc)) {
    const index = plainText(run).indexOf(phrase);
    if (index < 0) continue;
    return {
      anchor: {
        start: encodePosition(Y.createRelativePositionFromTypeIndex(run, index, -1)),
        end: encodePosition(Y.createRelativePositionFromTypeIndex(run, index + phrase.length, -1)),
      },
      provisionId: provisionIdOf(run),
    };
  }
  throw new Error(`"${phrase}" is not in the document`);
}

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
  return anchorIn(doc, phrase);
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
