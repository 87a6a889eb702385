import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';

/** A `ws` WebSocket that sends a session cookie, as a browser on our origin would. */
export function webSocketWithCookie(cookie: string | null) {
  return class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie ? { cookie } : {} });
    }
  };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closeCodes: number[];
  text(): string;
  destroy(): void;
}

/** A real y-websocket client connected to `<basePath>/<compactId>` (our server serves /collab). */
export function connectClient(
  port: number,
  compactId: string,
  cookie: string | null,
  basePath = '/collab',
  doc = new Y.Doc(),
): TestClient {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}${basePath}`, compactId, doc, {
    WebSocketPolyfill: webSocketWithCookie(cookie) as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 200,
    disableBc: true,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    text: () => fragmentText(doc),
    destroy: () => {
      // Yjs moves a document to a new client id when it receives structs under its own id from
      // elsewhere; the provider's presence keeps the first, and says goodbye with it.
      doc.clientID = provider.awareness.clientID;
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The texts of a text block's XmlText children, or — for a container (provision, list, option) — of the blocks inside it. */
function textBlocks(element: Y.XmlElement | Y.XmlFragment): string[] {
  const children = element.toArray();
  if (
    element instanceof Y.XmlElement &&
    (children.length === 0 || children.some((child) => child instanceof Y.XmlText))
  )
    return [children.map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('')];
  return children.flatMap((child) => (child instanceof Y.XmlElement ? textBlocks(child) : []));
}

/** The plain text of the editor fragment (text blocks, e.g. paragraphs in provisions, joined by newlines). */
export function fragmentText(doc: Y.Doc): string {
  return textBlocks(doc.getXmlFragment(DOCUMENT_FIELD)).join('\n');
}

/** The first text block of the text: the first paragraph (of the first provision). */
export function firstTextBlock(doc: Y.Doc): Y.XmlElement {
  let element = doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
  while (element.nodeName !== 'paragraph' && element.get(0) instanceof Y.XmlElement)
    element = element.get(0) as Y.XmlElement;
  return element;
}

/** Inserts text into the first paragraph, as an editor would. */
export function typeInto(doc: Y.Doc, index: number, text: string): void {
  const paragraph = firstTextBlock(doc);
  let textNode = paragraph.get(0) as Y.XmlText | undefined;
  if (!textNode) {
    textNode = new Y.XmlText();
    paragraph.insert(0, [textNode]);
  }
  textNode.insert(index, text);
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function waitForSync(client: TestClient): Promise<void> {
  return waitFor(() => client.provider.synced, 'first sync');
}

/** A bare WebSocket on a compact's collaboration path: it speaks only the frames a test sends. */
export async function rawSocket(port: number, compactId: string, cookie: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/collab/${compactId}`, { headers: { cookie } });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

export const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

/** An awareness update (y-protocols encoding) speaking for the given client ids. */
export function awarenessUpdateFor(entries: { clientId: number; clock: number; state: object | null }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** A document whose edits are made under `clientId`, starting from `state` (e.g. a copy of another client's). */
export function docWithClientId(clientId: number, state?: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  // Set after applying: Yjs picks a new id when a remote update carries its own.
  doc.clientID = clientId;
  return doc;
}
