import * as Y from 'yjs';
import { sharedEditorText } from '../lib/editor-doc';
import { alternate, row, type Row } from '../lib/rows';
import { sleep, syncedAfter, until } from '../lib/sync';
import { startTarget } from '../lib/targets';

/** Σ over clients of the clock values `have` lacks from `want` (one per inserted character here, plus the paragraph and its text node). */
function missingItems(want: Map<number, number>, have: Map<number, number>): number {
  let missing = 0;
  for (const [client, clock] of want) missing += Math.max(0, clock - (have.get(client) ?? 0));
  return missing;
}

/** 4. SIGKILL the server at a random moment of a burst; count what a second client had but the restarted server lacks. */
export async function benchDurability(trials: number): Promise<Row[]> {
  const results = await alternate(1, async (kind) => {
    const target = await startTarget(kind, { docs: trials });
    let received = 0;
    let missing = 0;
    try {
      for (let trial = 0; trial < trials; trial++) {
        const a = target.connect(trial, 0);
        const b = target.connect(trial, 1);
        await Promise.all([syncedAfter(a, 0), syncedAfter(b, 0)]);
        const text = await sharedEditorText(a, [b]);
        let writing = true;
        const writer = (async () => {
          for (let i = 0; writing && i < 50_000; i++) {
            text.insert(i, 'x');
            if (i % 100 === 99) await sleep(0);
          }
        })();
        await sleep(50 + Math.random() * 400);
        target.server.child.kill('SIGKILL');
        writing = false;
        await writer;
        await until(() => !b.provider.wsconnected, 10_000, 'the reader to notice the crash');
        const had = Y.decodeStateVector(Y.encodeStateVector(b.doc));
        a.destroy();
        b.destroy();
        await target.restart('SIGKILL');
        const c = target.connect(trial, 1);
        await syncedAfter(c, 0);
        const has = Y.decodeStateVector(Y.encodeStateVector(c.doc));
        c.destroy();
        received += [...had.values()].reduce((sum, clock) => sum + clock, 0);
        missing += missingItems(had, has);
      }
      return { received, missing };
    } finally {
      await target.close();
    }
  });
  const [ours] = results.ours;
  const [reference] = results.reference;
  return [
    row(
      `durability: ${trials} SIGKILLs mid-burst, updates the reader had but lost`,
      ours!.missing,
      reference!.missing,
      { kind: 'equals', value: 0 },
    ),
    row(`durability: updates the reader had received (all trials)`, ours!.received, reference!.received, {
      kind: 'reported',
    }),
  ];
}
