// Measures the cost of the collaboration server's per-update checks (ownership, dependencies, schema)
// on an editor's incremental updates against a growing paragraph: node --import ./scripts/server-runtime.mjs bench/update-check-cost.ts
import * as Y from 'yjs';
import { checkUpdate } from '../server/collab/update-check';
import { RoomClientIds } from '../server/collab/client-ids';
import { compactDocumentRules } from '../server/collab/document-rules';
const server = new Y.Doc();
const client = new Y.Doc();
const p = new Y.XmlElement('paragraph');
const t = new Y.XmlText();
p.insert(0, [t]);
client.getXmlFragment('default').insert(0, [p]);
Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
let last: Uint8Array | null = null;
client.on('update', (u: Uint8Array) => {
  last = u;
});
const rules = compactDocumentRules();
const owner = { userId: 'u', partyId: 'p' };
const owners = new RoomClientIds(new Map([[client.clientID, owner]]));
const check: number[] = [],
  decode: number[] = [],
  apply: number[] = [];
let seed = 1;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
for (let i = 0; i < 30000; i++) {
  if (t.length > 10 && rnd() < 0.2) t.delete(Math.floor(rnd() * (t.length - 1)), 1);
  else t.insert(Math.floor(rnd() * t.length), 'x');
  const u = last!;
  const s = process.hrtime.bigint();
  const v = checkUpdate(server, u, owner, owners, rules);
  const e = process.hrtime.bigint();
  if (!v.ok) throw new Error('refused');
  const s2 = process.hrtime.bigint();
  Y.decodeUpdate(u);
  const e2 = process.hrtime.bigint();
  const s3 = process.hrtime.bigint();
  Y.applyUpdate(server, u);
  const e3 = process.hrtime.bigint();
  if (i > 5000) {
    check.push(Number(e - s) / 1000);
    decode.push(Number(e2 - s2) / 1000);
    apply.push(Number(e3 - s3) / 1000);
  }
}
const med = (a: number[]) => {
  a.sort((x, y) => x - y);
  return `p50 ${a[a.length >> 1]!.toFixed(1)} p99 ${a[Math.floor(a.length * 0.99)]!.toFixed(1)}`;
};
console.log('checkUpdate µs', med(check), '| decodeUpdate alone', med(decode), '| applyUpdate', med(apply));
