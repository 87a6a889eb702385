import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openDatabase, type DbHandle } from '@/db/client';
import { compareStoredStates } from '@/server/services/history/compare';
import { appendDocUpdate } from '@/server/services/document-store';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { buildCompact, buildParty, buildUser } from '@/tests/helpers/factories';
import { provisionElement } from '@/tests/helpers/negotiation-fixtures';
import { editorFragment, editorText } from '../lib/editor-doc';
import { median, percentile } from '../lib/stats';
import { applyPatches, loadTrace, type SequentialTrace } from '../lib/traces';
import { row, type Row } from '../lib/rows';

interface Author {
  userId: string;
  partyId: string;
}

async function authors(handle: DbHandle, count: number): Promise<Author[]> {
  return Promise.all(
    Array.from({ length: count }, async () => ({
      userId: (await buildUser(handle)).id,
      partyId: buildParty(handle).id,
    })),
  );
}

/** Stores what `edit` changes in `doc` as one update by `author` (its client id bound to them). */
function storeEdit(handle: DbHandle, compactId: string, doc: Y.Doc, author: Author | null, edit: () => void): number {
  let update: Uint8Array | null = null;
  const capture = (changes: Uint8Array) => (update = changes);
  doc.on('update', capture);
  doc.transact(edit);
  doc.off('update', capture);
  return appendDocUpdate(handle.db, compactId, update!, author ?? { userId: null, partyId: null });
}

function timed(samples: number, run: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times;
}

/** A 200-provision compact; three parties' people edit words in and out between two versions. */
async function compareProvisions(handle: DbHandle, provisions: number, edits: number, samples: number) {
  const compactId = buildCompact(handle).id;
  const people = await authors(handle, 3);
  const doc = new Y.Doc();
  const words = 'the parties shall support the mission in its mandate with regular reports'.split(' ');
  storeEdit(handle, compactId, doc, null, () =>
    doc.getXmlFragment(DOCUMENT_FIELD).insert(
      0,
      Array.from({ length: provisions }, (_, i) =>
        provisionElement(`p${String(i).padStart(11, '0')}`, `${words.join(' ')} (${i}).`),
      ),
    ),
  );
  const texts = () =>
    doc
      .getXmlFragment(DOCUMENT_FIELD)
      .toArray()
      .map((provision) => ((provision as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText);
  let seed = 7;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  let from = 0;
  for (let i = 0; i < edits; i++) {
    const person = people[i % people.length]!;
    doc.clientID = 10_000 + (i % people.length);
    const text = texts()[random(provisions)]!;
    const id = storeEdit(handle, compactId, doc, person, () => {
      if (i % 3 === 2 && text.length > 10) text.delete(random(text.length - 6), 5);
      else text.insert(random(text.length), ` ${words[random(words.length)]}`);
    });
    if (i === Math.floor(edits / 2)) from = id;
  }
  const newest = (handle.sqlite.prepare('SELECT max(id) AS id FROM doc_updates').get() as { id: number }).id;
  return timed(samples, () => compareStoredStates(handle.sqlite, compactId, from, newest));
}

/** The 260k-edit trace, stored in batches by four authors; compare its middle with its end. */
async function compareTrace(handle: DbHandle, count: number | null): Promise<{ ms: number; changes: number }> {
  const trace = loadTrace<SequentialTrace>('automerge-paper.json.gz');
  const total = count ?? trace.txns.length;
  const compactId = buildCompact(handle).id;
  const people = await authors(handle, 4);
  const doc = new Y.Doc();
  storeEdit(handle, compactId, doc, null, () => {
    const paragraph = new Y.XmlElement('paragraph');
    editorFragment(doc).insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText()]);
  });
  const text = editorText(doc)!;
  const BATCH = 100;
  let middle = 0;
  for (let start = 0; start < total; start += BATCH) {
    const batch = start / BATCH;
    doc.clientID = 20_000 + (batch % people.length);
    const id = storeEdit(handle, compactId, doc, people[batch % people.length]!, () => {
      for (const txn of trace.txns.slice(start, Math.min(total, start + BATCH))) applyPatches(text, txn.patches);
    });
    if (middle === 0 && start >= total / 2) middle = id;
  }
  const newest = (handle.sqlite.prepare('SELECT max(id) AS id FROM doc_updates').get() as { id: number }).id;
  const started = performance.now();
  const redline = compareStoredStates(handle.sqlite, compactId, middle, newest);
  return { ms: performance.now() - started, changes: redline.changes };
}

/** 10. Compare with attribution: a 200-provision compact, and the large trace document. */
export async function benchCompare(quick: boolean): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-bench-compare-'));
  const handle = openDatabase(path.join(dir, 'compact.db'));
  try {
    const times = await compareProvisions(handle, 200, quick ? 300 : 2000, quick ? 5 : 20);
    const trace = await compareTrace(handle, quick ? 20_000 : null);
    const edits = quick ? 20_000 : 'all';
    return [
      row('compare two versions, 200 provisions: p50 (ms)', median(times), null, { kind: 'reported' }),
      row('compare two versions, 200 provisions: p95 (ms)', percentile(times, 95), null, {
        kind: 'at-most',
        value: 300,
      }),
      row(`compare with attribution, trace document (${edits} edits), middle → end (ms)`, trace.ms, null, {
        kind: 'reported',
      }),
      row(`compare with attribution, trace document (${edits} edits): changes marked`, trace.changes, null, {
        kind: 'reported',
      }),
    ];
  } finally {
    handle.sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
