import 'server-only';
import type { DbOrTx } from '@/db/client';
import { newestUpdateId, snapshotAt } from '../versions/text-snapshot';

/** How many compacts' current hashes are remembered (the least recently used is forgotten first). */
const CACHED_COMPACTS = 200;

interface CachedHash {
  uptoUpdateId: number;
  contentHash: string;
}

const cache = new Map<string, CachedHash>();

/**
 * The content hash (current canonical form) of a compact's stored text as it is now: rendered from
 * the update log at its newest update, remembered per compact under that update's id. Updates are
 * only ever appended, so while the newest id is the same the text is, and the hash is one indexed
 * lookup; any process's new update changes the id and the text is rendered again.
 */
export function currentTextHash(db: DbOrTx, compactId: string): CachedHash {
  const uptoUpdateId = newestUpdateId(db, compactId);
  const cached = cache.get(compactId);
  if (cached && cached.uptoUpdateId === uptoUpdateId) {
    cache.delete(compactId);
    cache.set(compactId, cached);
    return cached;
  }
  const fresh = { uptoUpdateId, contentHash: snapshotAt(db, compactId, uptoUpdateId).contentHash };
  cache.delete(compactId);
  cache.set(compactId, fresh);
  if (cache.size > CACHED_COMPACTS) cache.delete(cache.keys().next().value!);
  return fresh;
}
