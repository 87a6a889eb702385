import Database from 'better-sqlite3';
import { editorText, sharedEditorText } from '../lib/editor-doc';
import { alternate, medianOf, row, type Row } from '../lib/rows';
import { sleep, syncedAfter, until } from '../lib/sync';
import { startTarget, type Target } from '../lib/targets';
import { applyPatches, loadTrace, sequentialText, type SequentialTrace } from '../lib/traces';

function storedBytes(target: Target): { log: number; checkpoint: number } {
  const db = new Database(target.databasePath!, { readonly: true });
  try {
    const id = target.docIds[0]!;
    const log = db
      .prepare('SELECT coalesce(sum(length("update")), 0) AS n FROM doc_updates WHERE compact_id = ?')
      .get(id) as { n: number };
    const checkpoint = db
      .prepare(
        'SELECT coalesce(length(state), 0) AS n FROM doc_checkpoints WHERE compact_id = ? ORDER BY upto_update_id DESC LIMIT 1',
      )
      .get(id) as { n: number } | undefined;
    return { log: log.n, checkpoint: checkpoint?.n ?? 0 };
  } finally {
    db.close();
  }
}

/** Replays the trace through the server, one update per transaction, until a second client has it all. */
async function replay(target: Target, trace: SequentialTrace, count: number, expected: string): Promise<number> {
  const writer = target.connect(0, 0);
  const reader = target.connect(0, 1);
  await Promise.all([syncedAfter(writer, 0), syncedAfter(reader, 0)]);
  const text = await sharedEditorText(writer, [reader]);
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    writer.doc.transact(() => applyPatches(text, trace.txns[i]!.patches));
    if (i % 2000 === 1999) await sleep(0);
  }
  const remote = editorText(reader.doc)!;
  await until(() => remote.length === expected.length, 600_000, 'the replay to reach the reader');
  if (remote.toString() !== expected) throw new Error('replayed text differs from the trace');
  const seconds = (performance.now() - start) / 1000;
  writer.destroy();
  reader.destroy();
  return seconds;
}

/** 5. A large real document: first sync cold (server restarted) and warm, memory and bytes stored. */
export async function benchLargeDocument(runs: number, quick: boolean): Promise<Row[]> {
  const trace = loadTrace<SequentialTrace>('automerge-paper.json.gz');
  const count = quick ? 20_000 : trace.txns.length;
  const expected = quick ? sequentialText(trace, count) : trace.endContent;
  const results = await alternate(1, async (kind) => {
    const target = await startTarget(kind, { docs: 1 });
    try {
      const replaySeconds = await replay(target, trace, count, expected);
      const cold: number[] = [];
      const memory: number[] = [];
      const warm: number[] = [];
      for (let run = 0; run < runs; run++) {
        if (kind === 'ours') {
          await target.restart('SIGTERM');
          const before = target.server.rssBytes();
          const first = target.connect(0, 0);
          cold.push(await syncedAfter(first, performance.now()));
          if (editorText(first.doc)?.length !== expected.length) throw new Error('cold sync incomplete');
          await sleep(200);
          memory.push((target.server.rssBytes() - before) / 1024 / 1024);
          first.destroy();
        }
        const keeper = target.connect(0, 0); // keeps the document loaded
        await syncedAfter(keeper, 0);
        const second = target.connect(0, 1);
        warm.push(await syncedAfter(second, performance.now()));
        second.destroy();
        keeper.destroy();
      }
      const bytes = kind === 'ours' ? storedBytes(target) : null;
      return { replaySeconds, cold, memory, warm, bytes };
    } finally {
      await target.close();
    }
  });
  const ours = results.ours[0]!;
  const reference = results.reference[0]!;
  const label = `large document (${count} edits)`;
  return [
    row(`${label}: replay through the server (s)`, ours.replaySeconds, reference.replaySeconds, { kind: 'reported' }),
    row(
      `${label}: first sync, cold (ms)`,
      medianOf(ours.cold, (v) => v),
      null,
      { kind: 'at-most', value: 150 },
    ),
    row(
      `${label}: first sync, warm (ms)`,
      medianOf(ours.warm, (v) => v),
      medianOf(reference.warm, (v) => v),
      { kind: 'at-most', value: 50 },
    ),
    row(
      `${label}: server memory for the document (MiB)`,
      medianOf(ours.memory, (v) => v),
      null,
      { kind: 'reported' },
    ),
    row(`${label}: bytes stored, update log`, ours.bytes!.log, null, { kind: 'reported' }),
    row(`${label}: bytes stored, latest checkpoint`, ours.bytes!.checkpoint, null, { kind: 'reported' }),
  ];
}
