import 'server-only';
import * as Y from 'yjs';
import { encodeAnchorEnd } from '@/shared/comments/anchor-encoding';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { plainText } from './anchor';

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

/** The provision (top-level element) a text run sits in. */
function provisionIdOf(run: Y.XmlText): string | null {
  let node: Y.XmlElement | Y.XmlText = run;
  while (node.parent instanceof Y.XmlElement) node = node.parent;
  return node instanceof Y.XmlElement ? ((node.getAttribute('id') as string | undefined) ?? null) : null;
}

/**
 * The anchor a browser would send for `phrase` in `doc` (its first occurrence): start and end as
 * relative positions associated to the left, as y-tiptap makes them from a selection. Used by
 * the demo seed (and tests) to open threads on known words.
 */
export function anchorOfPhrase(doc: Y.Doc, phrase: string) {
  for (const run of textRuns(doc)) {
    const index = plainText(run).indexOf(phrase);
    if (index < 0) continue;
    return {
      anchor: {
        start: encodeAnchorEnd(Y.createRelativePositionFromTypeIndex(run, index, -1)),
        end: encodeAnchorEnd(Y.createRelativePositionFromTypeIndex(run, index + phrase.length, -1)),
      },
      provisionId: provisionIdOf(run),
    };
  }
  throw new Error(`"${phrase}" is not in the document`);
}
