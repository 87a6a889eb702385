import type * as Y from 'yjs';
import type { TestClient } from '@/tests/helpers/collab-client';

/** Resolves when the client's first sync completes, with the time it took since `start`. */
export function syncedAfter(client: TestClient, start: number, timeoutMs = 60_000): Promise<number> {
  if (client.provider.synced) return Promise.resolve(performance.now() - start);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('first sync timed out')), timeoutMs);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      client.provider.off('sync', onSync);
      resolve(performance.now() - start);
    };
    client.provider.on('sync', onSync);
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when `condition` holds, checked on every document update of `client` and every 50 ms. */
export function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (condition()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    };
    const timer = setInterval(check, 5);
    check();
  });
}

/** Resolves when `condition` holds, checked now and after every change to `doc` (no polling delay). */
export function untilDocHolds(doc: Y.Doc, condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onUpdate = () => {
      if (!condition()) return;
      clearTimeout(timer);
      doc.off('update', onUpdate);
      resolve();
    };
    const timer = setTimeout(() => {
      doc.off('update', onUpdate);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    doc.on('update', onUpdate);
  });
}
