import { sharedEditorText } from '../lib/editor-doc';
import { alternate, medianOf, row, type Row } from '../lib/rows';
import { median, percentile } from '../lib/stats';
import { withTwoClients } from '../lib/two-clients';

/** 1. Two clients, sequential single-character edits, each awaited on the other side. */
export async function benchPropagation(runs: number, edits: number): Promise<Row[]> {
  const results = await alternate(runs, (kind) =>
    withTwoClients(kind, async (a, b) => {
      const text = await sharedEditorText(a, [b]);
      const latencies: number[] = [];
      for (let i = 0; i < edits; i++) {
        const arrived = new Promise<void>((resolve) => {
          const onUpdate = (_u: Uint8Array, origin: unknown) => {
            if (origin !== b.provider) return;
            b.doc.off('update', onUpdate);
            resolve();
          };
          b.doc.on('update', onUpdate);
        });
        const start = performance.now();
        text.insert(i, 'x');
        await arrived;
        latencies.push(performance.now() - start);
      }
      return { p50: median(latencies), p99: percentile(latencies, 99) };
    }),
  );
  return [
    row(
      `propagation p50 (ms), ${edits} edits`,
      medianOf(results.ours, (r) => r.p50),
      medianOf(results.reference, (r) => r.p50),
      { kind: 'ratio-at-most', value: 1.0 },
    ),
    row(
      `propagation p99 (ms), ${edits} edits`,
      medianOf(results.ours, (r) => r.p99),
      medianOf(results.reference, (r) => r.p99),
      { kind: 'ratio-at-most', value: 1.5 },
    ),
  ];
}
