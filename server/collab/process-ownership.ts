import 'server-only';
import type { Database as SqliteDatabase } from 'better-sqlite3';

export interface OwnershipOptions {
  /** How often the owner renews its claim; a claim not renewed for three periods is stale. */
  renewEveryMs?: number;
  pollEveryMs?: number;
  onWaiting?: (ownerPid: number) => void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes this process the one collaboration process of the database, waiting while another
 * live one still holds it (e.g. still flushing after its HTTP process died). A claim whose
 * process is gone, or that was not renewed in time, is taken over. Returns the release.
 */
export async function acquireCollabOwnership(
  sqlite: SqliteDatabase,
  options: OwnershipOptions = {},
): Promise<() => void> {
  const renewEveryMs = options.renewEveryMs ?? 5000;
  const read = sqlite.prepare('SELECT pid, renewed_at AS renewedAt FROM collab_owner WHERE id = 1');
  const claim = sqlite.prepare(
    'INSERT INTO collab_owner (id, pid, renewed_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, renewed_at = excluded.renewed_at',
  );
  const tryClaim = sqlite.transaction((now: number): number | null => {
    const owner = read.get() as { pid: number; renewedAt: number } | undefined;
    const free =
      !owner || owner.pid === process.pid || !isRunning(owner.pid) || now - owner.renewedAt > 3 * renewEveryMs;
    if (!free) return owner.pid;
    claim.run(process.pid, now);
    return null;
  });
  let told = false;
  for (;;) {
    const holder = tryClaim.immediate(Date.now());
    if (holder === null) break;
    if (!told) options.onWaiting?.(holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollEveryMs ?? 100));
  }
  const renew = sqlite.prepare('UPDATE collab_owner SET renewed_at = ? WHERE id = 1 AND pid = ?');
  const timer = setInterval(() => {
    try {
      renew.run(Date.now(), process.pid);
    } catch {
      // busy: the next renewal comes well within the stale limit
    }
  }, renewEveryMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    sqlite.prepare('DELETE FROM collab_owner WHERE id = 1 AND pid = ?').run(process.pid);
  };
}
