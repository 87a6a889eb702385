// The cost of the party rules on a bracket-heavy edit stream: a negotiator types into paragraphs that
// hold other parties' brackets (and brackets some of their own words), so every update is judged.
// Ours: integrate with garbage collection paused + judge the effect (what the room does for such
// updates); reference: the plain integration every update costs anyway.
import * as Y from 'yjs';
import { judgePartyEffects } from '../../server/collab/party-rules';
import { DOCUMENT_FIELD } from '../../shared/editor/extensions';
import { row, type Row } from '../lib/rows';
import { percentile, round } from '../lib/stats';

const OTHERS = ['party-ald', 'party-var', 'party-mis'];
const ME = { userId: 'user-au', partyId: 'party-au' };

/** A text of `paragraphs` provisions, each with a bracket by each other party. */
function negotiatedText(paragraphs: number): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  for (let i = 0; i < paragraphs; i++) {
    const provision = new Y.XmlElement('provision');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    provision.insert(0, [paragraph]);
    fragment.insert(fragment.length, [provision]);
    text.insert(0, 'The parties shall meet regularly ');
    for (const partyId of OTHERS)
      text.insert(text.length, `proposal of ${partyId} `, { bracket: { partyId, userId: `user-${partyId}` } });
    text.insert(text.length, 'and report.', { bracket: null });
  }
  return doc;
}

export async function benchPartyRules(updates: number): Promise<Row[]> {
  const client = negotiatedText(40);
  const judged = new Y.Doc();
  const plain = new Y.Doc();
  const base = Y.encodeStateAsUpdate(client);
  Y.applyUpdate(judged, base);
  Y.applyUpdate(plain, base);
  const texts = () =>
    client
      .getXmlFragment(DOCUMENT_FIELD)
      .toArray()
      .map((provision) => ((provision as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText);
  let last: Uint8Array = new Uint8Array();
  client.on('update', (update: Uint8Array) => (last = update));
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const ours: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < updates; i++) {
    const text = texts()[Math.floor(random() * 40)]!;
    if (i % 25 === 0)
      text.format(0, 3, { bracket: { ...ME } }); // my own bracket now and then
    else text.insert(0, 'x'); // typing at the start of a paragraph holding others' brackets
    const update = last;
    let transaction: Y.Transaction | null = null;
    const capture = (tr: Y.Transaction) => (transaction ??= tr);
    const start = process.hrtime.bigint();
    judged.gc = false;
    judged.once('afterTransaction', capture);
    Y.applyUpdate(judged, update);
    judged.gc = true;
    const verdict = judgePartyEffects(judged, transaction!, ME);
    const middle = process.hrtime.bigint();
    Y.applyUpdate(plain, update);
    const end = process.hrtime.bigint();
    if (!verdict.ok) throw new Error(`an honest edit was refused: ${verdict.detail}`);
    ours.push(Number(middle - start) / 1000);
    reference.push(Number(end - middle) / 1000);
  }
  return [
    row('party rules: judged update, p50 µs', round(percentile(ours, 50), 1), round(percentile(reference, 50), 1), {
      kind: 'ratio-at-most',
      value: 4,
    }),
    row('party rules: judged update, p99 µs', round(percentile(ours, 99), 1), round(percentile(reference, 99), 1), {
      kind: 'reported',
    }),
  ];
}
