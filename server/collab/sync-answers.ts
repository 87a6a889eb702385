import 'server-only';
import * as Y from 'yjs';

const CACHED_ANSWERS = 8;

/**
 * Answers sync step 1 (what does a client with this state vector lack?) from encodings reused
 * until the document changes: the full state for fresh clients (and for any state vector that
 * shares nothing with the document), and the last few differences by state vector.
 */
export class SyncAnswers {
  private byVector = new Map<string, Uint8Array>();
  /** Size of the last full encoding: how large this document is on the wire. */
  private fullBytes: number;

  constructor(
    private readonly doc: Y.Doc,
    private full: Uint8Array | null,
  ) {
    this.fullBytes = full?.byteLength ?? 0;
  }

  /** The document changed: every cached answer is stale. */
  invalidate(): void {
    this.full = null;
    if (this.byVector.size > 0) this.byVector = new Map();
  }

  get documentBytes(): number {
    return this.fullBytes;
  }

  fullState(): Uint8Array {
    if (!this.full) {
      this.full = Y.encodeStateAsUpdate(this.doc);
      this.fullBytes = this.full.byteLength;
    }
    return this.full;
  }

  missingFrom(stateVector: Uint8Array): Uint8Array {
    const vector = Y.decodeStateVector(stateVector);
    let overlaps = false;
    for (const [client, clock] of vector) {
      if (clock > 0 && Y.getState(this.doc.store, client) > 0) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) return this.fullState();
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1');
    let answer = this.byVector.get(key);
    if (!answer) {
      answer = Y.encodeStateAsUpdate(this.doc, stateVector);
      if (this.byVector.size >= CACHED_ANSWERS) this.byVector.delete(this.byVector.keys().next().value!);
      this.byVector.set(key, answer);
    }
    return answer;
  }
}
