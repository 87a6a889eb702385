import 'server-only';
import type { DbHandle } from '@/db/client';
import type { Redline } from '@/shared/history/redline';
import type { ReadRequest } from '../../workers/read-worker';
import { workerClient } from '../../workers/worker-client';

const comparer = workerClient<ReadRequest, Redline>('server/workers/read-worker.ts');

/** Redlines recently computed (the log is append-only: a redline between two stored updates never changes). */
const recent = new Map<string, Promise<Redline>>();
const MAX_REMEMBERED = 20;

/**
 * The redline of a compact's text between two stored updates (compareStoredStates), computed in a
 * worker thread — a compare over a long log takes seconds, never on the request thread — and kept
 * for the next reader of the same two states; a compare already running is joined, not repeated.
 */
export function compareOffThread(
  handle: DbHandle,
  compactId: string,
  fromUpdateId: number,
  toUpdateId: number,
): Promise<Redline> {
  const key = `${handle.path}\0${compactId}\0${fromUpdateId}\0${toUpdateId}`;
  const known = recent.get(key);
  if (known) {
    recent.delete(key);
    recent.set(key, known);
    return known;
  }
  const computed = comparer.call({ file: handle.path, task: { kind: 'compare', compactId, fromUpdateId, toUpdateId } });
  recent.set(key, computed);
  computed.catch(() => recent.delete(key));
  if (recent.size > MAX_REMEMBERED) recent.delete(recent.keys().next().value!);
  return computed;
}

/** Stops the compare worker (tests; a server ending its process ends the thread with it). */
export const stopComparer = (): Promise<void> => comparer.close();
