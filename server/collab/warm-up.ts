import 'server-only';
import * as Y from 'yjs';

/**
 * Runs the Yjs paths a large document takes (integrating, encoding, decoding) once at start,
 * so the first client of a cold, large document does not wait for the JIT compiler.
 */
export function warmUpYjs(operations = 30_000): void {
  const source = new Y.Doc();
  const text = source.getText('warm-up');
  const fragment = source.getXmlFragment('default');
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < operations; i++) {
    source.transact(() => {
      if (text.length > 10 && random() < 0.2) text.delete(Math.floor(random() * (text.length - 1)), 1);
      else text.insert(Math.floor(random() * text.length), 'x');
    });
  }
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('warm')]);
  fragment.insert(0, [paragraph]);
  const update = Y.encodeStateAsUpdate(source);
  for (let i = 0; i < 3; i++) {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, update);
    Y.encodeStateAsUpdate(copy, Y.encodeStateVector(new Y.Doc()));
    Y.decodeUpdate(update);
    copy.destroy();
  }
  source.destroy();
}
