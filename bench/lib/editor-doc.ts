import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import type { TestClient } from '@/tests/helpers/collab-client';
import { until } from './sync';

/**
 * The benchmark writes what the editor writes: paragraphs (XmlElement 'paragraph' holding one
 * XmlText, no marks) in the fragment the editor binds to — the only shape our server accepts.
 */
export function editorFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(DOCUMENT_FIELD);
}

/** Appends a paragraph holding `text`, in one transaction; returns the paragraph's text node. */
export function appendParagraph(doc: Y.Doc, text: string): Y.XmlText {
  const textNode = new Y.XmlText();
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    editorFragment(doc).push([paragraph]);
    paragraph.push([textNode]);
    if (text) textNode.insert(0, text);
  });
  return textNode;
}

/** The text of the document's first paragraph — where text traces are written — or null until it exists. */
export function editorText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = editorFragment(doc).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

/** Creates the first paragraph and its text node on an empty document (once per document, by one client). */
export function createEditorText(doc: Y.Doc): Y.XmlText {
  if (editorFragment(doc).length > 0)
    throw new Error('the document already has content; its structure is created once');
  return appendParagraph(doc, '');
}

/** The writer creates the paragraph its text goes into; resolves with it once every reader has it too. */
export async function sharedEditorText(
  writer: TestClient,
  readers: TestClient[],
  timeoutMs = 30_000,
): Promise<Y.XmlText> {
  const text = createEditorText(writer.doc);
  await until(
    () => readers.every((reader) => editorText(reader.doc) !== null),
    timeoutMs,
    'the readers to receive the paragraph',
  );
  return text;
}

/** Calls `onParagraph` with the text of every paragraph another client adds to `client`'s document. */
export function onRemoteParagraphs(client: TestClient, onParagraph: (text: string) => void): void {
  editorFragment(client.doc).observe((event) => {
    if (event.transaction.origin !== client.provider) return;
    for (const change of event.delta) {
      if (!Array.isArray(change.insert)) continue;
      for (const node of change.insert as unknown[]) {
        const text = node instanceof Y.XmlElement ? node.get(0) : null;
        if (text instanceof Y.XmlText) onParagraph(text.toString());
      }
    }
  });
}
