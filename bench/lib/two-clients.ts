import type { TestClient } from '@/tests/helpers/collab-client';
import type { ServerKind } from './servers';
import { syncedAfter } from './sync';
import { startTarget } from './targets';

/** Starts a server with one document, connects two synced clients, runs `measure`, cleans up. */
export async function withTwoClients<T>(
  kind: ServerKind,
  measure: (a: TestClient, b: TestClient) => Promise<T>,
): Promise<T> {
  const target = await startTarget(kind, { docs: 1 });
  try {
    const a = target.connect(0, 0);
    const b = target.connect(0, 1);
    await Promise.all([syncedAfter(a, 0), syncedAfter(b, 0)]);
    try {
      return await measure(a, b);
    } finally {
      a.destroy();
      b.destroy();
    }
  } finally {
    await target.close();
  }
}
