import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';

/** The text blocks of a compact document as plain text (one per line, blank line between provisions). */
export function fragmentPlainText(doc: Y.Doc): string {
  const blocks: string[] = [];
  const walk = (element: Y.XmlElement | Y.XmlFragment) => {
    const children = element.toArray();
    if (element instanceof Y.XmlElement && children.some((child) => child instanceof Y.XmlText)) {
      blocks.push(children.map((child) => (child instanceof Y.XmlText ? plain(child) : '')).join(''));
      return;
    }
    for (const child of children) if (child instanceof Y.XmlElement) walk(child);
  };
  walk(doc.getXmlFragment(DOCUMENT_FIELD));
  return blocks.join('\n\n');
}

const plain = (text: Y.XmlText) =>
  (text.toDelta() as { insert: unknown }[]).map((run) => (typeof run.insert === 'string' ? run.insert : '')).join('');
