import { fragmentText, type TestClient } from '@/tests/helpers/collab-client';
import { appendParagraph, onRemoteParagraphs } from '../lib/editor-doc';
import { alternate, medianOf, row, type Row } from '../lib/rows';
import { median, percentile } from '../lib/stats';
import { sleep, syncedAfter, until } from '../lib/sync';
import { startTarget } from '../lib/targets';

export interface RoomsSize {
  docs: number;
  clientsPerDoc: number;
  writesPerSecond: number;
  seconds: number;
}

const SOCKETS_PER_BENCH_PERSON = 15;

/**
 * 3. Many documents, several clients each, a steady write rate: drops, convergence, latency, memory.
 * Each write appends a paragraph whose text is the write's key.
 */
export async function benchRooms(runs: number, size: RoomsSize): Promise<Row[]> {
  // Our server caps sockets per person (20 by default): spread the clients over enough people,
  // each client of a room being someone else.
  const users = Math.max(size.clientsPerDoc, Math.ceil((size.docs * size.clientsPerDoc) / SOCKETS_PER_BENCH_PERSON));
  const results = await alternate(runs, async (kind) => {
    const target = await startTarget(kind, { docs: size.docs, users });
    try {
      const rooms: TestClient[][] = [];
      for (let d = 0; d < size.docs; d++)
        rooms.push(Array.from({ length: size.clientsPerDoc }, (_, c) => target.connect(d, d * size.clientsPerDoc + c)));
      await Promise.all(rooms.flat().map((client) => syncedAfter(client, 0, 120_000)));

      const sentAt = new Map<string, number>();
      const arrivals = new Map<string, number>();
      const latencies: number[] = [];
      for (const clients of rooms) {
        for (const client of clients) {
          onRemoteParagraphs(client, (key) => {
            arrivals.set(key, (arrivals.get(key) ?? 0) + 1);
            latencies.push(performance.now() - sentAt.get(key)!);
          });
        }
      }

      let written = 0;
      const perTick = size.writesPerSecond / 100;
      const started = performance.now();
      while (performance.now() - started < size.seconds * 1000) {
        const due = Math.floor(((performance.now() - started) / 10) * perTick) - written;
        for (let i = 0; i < due; i++) {
          const clients = rooms[Math.floor(Math.random() * rooms.length)]!;
          const writer = clients[Math.floor(Math.random() * clients.length)]!;
          const key = `w${written++}`;
          sentAt.set(key, performance.now());
          appendParagraph(writer.doc, key);
        }
        await sleep(10);
      }
      const expected = size.clientsPerDoc - 1;
      await until(
        () => [...sentAt.keys()].every((key) => arrivals.get(key) === expected),
        15_000,
        'every write to arrive',
      ).catch(() => undefined);
      const dropped = [...sentAt.keys()].filter((key) => (arrivals.get(key) ?? 0) < expected).length;
      const contents = (client: TestClient) => JSON.stringify(fragmentText(client.doc).split('\n').sort());
      const identical = rooms.every((clients) => clients.every((c) => contents(c) === contents(clients[0]!)));
      const rss = target.server.rssBytes();
      for (const client of rooms.flat()) client.destroy();
      return {
        written,
        dropped,
        identical,
        p50: median(latencies),
        p99: percentile(latencies, 99),
        rssMiB: rss / 1024 / 1024,
      };
    } finally {
      await target.close();
    }
  });
  const label = `rooms ${size.docs}×${size.clientsPerDoc}, ${size.writesPerSecond}/s for ${size.seconds}s`;
  const allIdentical = (list: { identical: boolean }[]) => list.every((r) => r.identical);
  return [
    row(
      `${label}: dropped updates`,
      Math.max(...results.ours.map((r) => r.dropped)),
      Math.max(...results.reference.map((r) => r.dropped)),
      { kind: 'equals', value: 0 },
    ),
    row(`${label}: replicas identical`, allIdentical(results.ours), allIdentical(results.reference), {
      kind: 'equals',
      value: true,
    }),
    row(
      `${label}: latency p50 (ms)`,
      medianOf(results.ours, (r) => r.p50),
      medianOf(results.reference, (r) => r.p50),
      { kind: 'reported' },
    ),
    row(
      `${label}: latency p99 (ms)`,
      medianOf(results.ours, (r) => r.p99),
      medianOf(results.reference, (r) => r.p99),
      { kind: 'reported' },
    ),
    row(
      `${label}: server RSS (MiB)`,
      medianOf(results.ours, (r) => r.rssMiB),
      medianOf(results.reference, (r) => r.rssMiB),
      { kind: 'reported' },
    ),
  ];
}
