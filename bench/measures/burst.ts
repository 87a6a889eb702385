import { alternate, medianOf, row, type Row } from '../lib/rows';
import { syncedAfter, until } from '../lib/sync';
import { startTarget } from '../lib/targets';

/** 2. Many edits fired at once into one document: updates per second until the other client has all. */
export async function benchBurst(runs: number, edits: number): Promise<Row[]> {
  const results = await alternate(runs, async (kind) => {
    const target = await startTarget(kind, { docs: 1 });
    try {
      const a = target.connect(0, 0);
      const b = target.connect(0, 1);
      await Promise.all([syncedAfter(a, 0), syncedAfter(b, 0)]);
      const text = a.doc.getText('burst');
      const remote = b.doc.getText('burst');
      const start = performance.now();
      for (let i = 0; i < edits; i++) text.insert(i, 'x');
      await until(() => remote.length === edits, 120_000, 'the burst to arrive');
      const seconds = (performance.now() - start) / 1000;
      a.destroy();
      b.destroy();
      return edits / seconds;
    } finally {
      await target.close();
    }
  });
  return [row(`burst: ${edits} edits at once (updates/s)`, medianOf(results.ours, (r) => r), medianOf(results.reference, (r) => r), { kind: 'ratio-at-least', value: 0.8 })];
}
