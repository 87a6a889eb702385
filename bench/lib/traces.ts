import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { docWithClientId } from '@/tests/helpers/collab-client';
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
    for (const [position, deleted, inserted] of txn.patches)
      text = text.slice(0, position) + inserted + text.slice(position + deleted);
  }
  return text;
}

/** One update an agent's document takes in: its own edit, or another agent's work it merges. */
export interface ReplayStep {
  agent: number;
  update: Uint8Array;
  own: boolean;
}

/**
 * Replays a concurrent trace: each transaction is applied on its agent's own document at
 * exactly the version of its parents, into the paragraph text of `base` (an update holding the
 * document's structure, see createEditorText; every agent starts from it). `deliver` receives,
 * per agent and in order, every update that agent's document takes in — the other agents' work
 * it merges, then its own edit — and is awaited before the replay goes on.
 * Returns the merged text of every agent.
 */
export async function replayConcurrent(
  trace: ConcurrentTrace,
  count: number,
  base: Uint8Array,
  deliver: (step: ReplayStep) => Promise<void> | void,
): Promise<string> {
  const docs = Array.from({ length: trace.numAgents }, (_, agent) => docWithClientId(CLIENT_ID_BASE + agent, base));
  const applied = docs.map(() => new Set<number>());
  const updates: Uint8Array[] = [];
  for (const [index, txn] of trace.txns.slice(0, count).entries()) {
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
      await deliver({ agent: txn.agent, update: updates[ancestor]!, own: false });
    }
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    doc.on('update', capture);
    doc.transact(() => applyPatches(editorTextOf(doc), txn.patches));
    doc.off('update', capture);
    updates[index] = update ?? new Uint8Array([0, 0]);
    seen.add(index);
    await deliver({ agent: txn.agent, update: updates[index]!, own: true });
  }
  const merged = new Y.Doc();
  Y.applyUpdate(merged, base);
  for (const update of updates) Y.applyUpdate(merged, update);
  return editorTextOf(merged).toString();
}

/** Whether `doc` already has everything `update` writes and deletes. */
export function containsUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  const { to } = Y.parseUpdateMeta(update);
  for (const [client, clock] of to) if (Y.getState(doc.store, client) < clock) return false;
  for (const [client, deletions] of Y.decodeUpdate(update).ds.clients) {
    for (const { clock, len } of deletions) {
      if (Y.getState(doc.store, client) < clock + len) return false;
      for (let at = clock; at < clock + len;) {
        const struct = Y.getItem(doc.store, Y.createID(client, at));
        if (!struct.deleted) return false;
        at = struct.id.clock + struct.length;
      }
    }
  }
  return true;
}
