import 'server-only';
import type { ClientOwner } from '../services/doc-clients';

/** What services need of the collaboration endpoint: the server write path. */
export interface ServerWriter {
  writeUpdate(compactId: string, update: Uint8Array, author: ClientOwner): Promise<number | null>;
}

// Next.js bundles route handlers separately from server/main.ts: one process-wide slot, not a module variable.
const SLOT = Symbol.for('compact-workspace.collab-endpoint');
type Slot = { [SLOT]?: ServerWriter };

/** Called by the app server when it starts with its collaboration endpoint. */
export function registerServerWriter(writer: ServerWriter): void {
  (globalThis as Slot)[SLOT] = writer;
}

/** Called when that app server closes: a later call finds no writer rather than a closed one. */
export function unregisterServerWriter(writer: ServerWriter): void {
  if ((globalThis as Slot)[SLOT] === writer) delete (globalThis as Slot)[SLOT];
}

/** The running collaboration endpoint's write path (throws when no app server runs in this process). */
export function serverWriter(): ServerWriter {
  const writer = (globalThis as Slot)[SLOT];
  if (!writer) throw new Error('No collaboration endpoint is running in this process.');
  return writer;
}
