import { alternate, row, type Row } from '../lib/rows';
import { syncedAfter, until, untilDocHolds } from '../lib/sync';
import { startTarget } from '../lib/targets';
import { containsUpdate, loadTrace, replayConcurrent, type ConcurrentTrace } from '../lib/traces';
import * as Y from 'yjs';
import type { TestClient } from '@/tests/helpers/collab-client';
import { editorText, sharedEditorText } from '../lib/editor-doc';

/** 6. friendsforever replayed by two clients through the server converges to the trace's endContent. */
export async function benchConcurrentReplay(quick: boolean): Promise<Row[]> {
  const trace = loadTrace<ConcurrentTrace>('friendsforever.json.gz');
  const count = quick ? 3000 : trace.txns.length;
  const results = await alternate(1, async (kind) => {
    const target = await startTarget(kind, { docs: 1 });
    try {
      const clients = [target.connect(0, 0), target.connect(0, 1)];
      await Promise.all(clients.map((c) => syncedAfter(c, 0)));
      // The first client creates the paragraph; every agent replays into it once all clients have it.
      const [creator, ...others] = clients as [TestClient, ...TestClient[]];
      await sharedEditorText(creator, others);
      const base = Y.encodeStateAsUpdate(creator.doc);
      // Each agent's edit goes out through that agent's client, as its editor would send it; the
      // other agents' work it builds on reaches that client from the server first, as in an editor
      // (a client sending someone else's edits ahead of them is refused: client ids have owners).
      const expected = await replayConcurrent(trace, count, base, async ({ agent, update, own }) => {
        const client = clients[agent]!;
        if (own) Y.applyUpdate(client.doc, update);
        else
          await untilDocHolds(
            client.doc,
            () => containsUpdate(client.doc, update),
            30_000,
            "another agent's edit to reach the client",
          );
      });
      const texts = () => clients.map((c) => editorText(c.doc)!.toString());
      const converged = await until(() => texts().every((t) => t === expected), 60_000, 'convergence')
        .then(() => true)
        .catch(() => false);
      const matchesTrace = quick || expected === trace.endContent;
      for (const c of clients) c.destroy();
      return converged && matchesTrace;
    } finally {
      await target.close();
    }
  });
  return [
    row(
      `concurrent replay: friendsforever (${count} txns, 2 clients) converges to endContent`,
      results.ours[0]!,
      results.reference[0]!,
      { kind: 'equals', value: true },
    ),
  ];
}
