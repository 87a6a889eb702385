import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { docWithClientId } from '../../tests/helpers/collab-client';
import { editorText } from './editor-doc';

const CLIENT_ID_BASE = 1000;

type Patch = [position: number, deleted: number, inserted: string];

export interface SequentialTrace {
  endContent: string;
  txns: { patches: Patch[] }[];
}

export interface ConcurrentTrace {
  endContent: string;
  numAgents: number;
  txns: { patches: Patch[]; parents: number[]; agent: number }[];
}

export function loadTrace<T>(name: string): T {
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join('bench', 'data', name))).toString('utf8')) as T;
}

export function applyPatches(text: Y.Text, patches: Patch[]): void {
  for (const [position, deleted, inserted] of patches) {
    if (deleted > 0) text.delete(position, deleted);
    if (inserted) text.insert(position, inserted);
  }
}

function editorTextOf(doc: Y.Doc): Y.XmlText {
  const text = editorText(doc);
  if (!text) throw new Error('the replay base has no paragraph to write into');
  return text;
}

/** The text after the first `count` transactions of a sequential trace. */
export function sequentialText(trace: SequentialTrace, count: number): string {
  let text = '';
  for (const txn of trace.txns.slice(0, count)) {
    for (const [position, deleted, inserted] of txn.patches) text = text.slice(0, position) + inserted + text.slice(position + deleted);
  }
  return text;
}

/**
 * Replays a concurrent trace: each transaction is applied on its agent's own document at
 * exactly the version of its parents, into the paragraph text of `base` (an update holding
 * the document's structure, see createEditorText; every agent starts from it). `emit` receives, per agent and in order, every update
 * that agent's document takes in (the other agents' work it merges, then its own edit), as
 * an editor would hold them.
 * Returns the merged text of every agent.
 */
export function replayConcurrent(trace: ConcurrentTrace, count: number, base: Uint8Array, emit: (agent: number, update: Uint8Array) => void): string {
  const docs = Array.from({ length: trace.numAgents }, (_, agent) => docWithClientId(CLIENT_ID_BASE + agent, base));
  const applied = docs.map(() => new Set<number>());
  const updates: Uint8Array[] = [];
  trace.txns.slice(0, count).forEach((txn, index) => {
    const doc = docs[txn.agent]!;
    const seen = applied[txn.agent]!;
    const missing: number[] = [];
    const stack = [...txn.parents];
    while (stack.length > 0) {
      const ancestor = stack.pop()!;
      if (seen.has(ancestor)) continue;
      seen.add(ancestor);
      missing.push(ancestor);
      stack.push(...trace.txns[ancestor]!.parents);
    }
    missing.sort((x, y) => x - y);
    for (const ancestor of missing) {
      Y.applyUpdate(doc, updates[ancestor]!);
      emit(txn.agent, updates[ancestor]!);
    }
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    doc.on('update', capture);
    doc.transact(() => applyPatches(editorTextOf(doc), txn.patches));
    doc.off('update', capture);
    updates[index] = update ?? new Uint8Array([0, 0]);
    seen.add(index);
    emit(txn.agent, updates[index]!);
  });
  const merged = new Y.Doc();
  Y.applyUpdate(merged, base);
  for (const update of updates) Y.applyUpdate(merged, update);
  return editorTextOf(merged).toString();
}
