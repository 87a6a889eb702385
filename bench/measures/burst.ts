import { editorText, sharedEditorText } from '../lib/editor-doc';
import { alternate, medianOf, row, type Row } from '../lib/rows';
import { until } from '../lib/sync';
import { withTwoClients } from '../lib/two-clients';

/** 2. Many edits fired at once into one document: updates per second until the other client has all. */
export async function benchBurst(runs: number, edits: number): Promise<Row[]> {
  const results = await alternate(runs, (kind) =>
    withTwoClients(kind, async (a, b) => {
      const text = await sharedEditorText(a, [b]);
      const remote = editorText(b.doc)!;
      const start = performance.now();
      for (let i = 0; i < edits; i++) text.insert(i, 'x');
      await until(() => remote.length === edits, 120_000, 'the burst to arrive');
      return edits / ((performance.now() - start) / 1000);
    }),
  );
  return [
    row(
      `burst: ${edits} edits at once (updates/s)`,
      medianOf(results.ours, (r) => r),
      medianOf(results.reference, (r) => r),
      { kind: 'ratio-at-least', value: 0.8 },
    ),
  ];
}
