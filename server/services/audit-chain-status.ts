import 'server-only';
import type { DbHandle } from '@/db/client';
import type { ReadRequest } from '../workers/read-worker';
import { workerClient } from '../workers/worker-client';
import type { ChainVerdict } from './audit-chain';

/** What the audit screen's badge says about a chain, as of its newest event when checked. */
export type ChainStatus =
  | { state: 'verified'; events: number; head: string; headEventId: number; checkedAt: Date }
  | { state: 'broken'; eventsBefore: number; brokenAt: number; reason: string; headEventId: number; checkedAt: Date };

const verifier = workerClient<ReadRequest, ChainVerdict>('server/workers/read-worker.ts');

/** Verdicts by chain (database file and compact), each for the newest event it reached. */
const verdicts = new Map<string, ChainStatus>();
const inFlight = new Map<string, Promise<ChainStatus>>();
const MAX_CACHED_CHAINS = 1000;
/**
 * How long a verdict stands for a chain that has not grown. An edit of stored rows (the triggers
 * dropped) does not add an event: without an age limit the badge would say "verified" for an
 * edited chain until someone asked for a fresh check, however long ago the check was.
 */
export const MAX_VERDICT_AGE_MS = 60_000;

/** The id of a chain's newest event (0 for an empty chain). */
function newestEventId(handle: DbHandle, compactId: string | null): number {
  const newest = handle.sqlite
    .prepare('SELECT id FROM audit_events WHERE compact_id IS ? ORDER BY id DESC LIMIT 1')
    .get(compactId) as { id: number } | undefined;
  return newest?.id ?? 0;
}

function statusOf(verdict: ChainVerdict, headEventId: number): ChainStatus {
  const checkedAt = new Date();
  if (verdict.ok) return { state: 'verified', events: verdict.events, head: verdict.head, headEventId, checkedAt };
  const { events, brokenAt, reason } = verdict;
  return { state: 'broken', eventsBefore: events, brokenAt, reason, headEventId, checkedAt };
}

function remember(key: string, status: ChainStatus): void {
  verdicts.delete(key);
  verdicts.set(key, status);
  if (verdicts.size > MAX_CACHED_CHAINS) verdicts.delete(verdicts.keys().next().value!);
}

/**
 * Whether a chain (a compact's, or the instance's for null) verifies against its stored rows, up
 * to its newest event: checked in a worker thread, every event from the first, and remembered
 * until the chain grows or `MAX_VERDICT_AGE_MS` pass (or `recheck` asks for a fresh check, e.g.
 * after a suspected edit).
 */
export async function chainStatus(
  handle: DbHandle,
  compactId: string | null,
  { recheck = false, now = Date.now() }: { recheck?: boolean; now?: number } = {},
): Promise<ChainStatus> {
  const key = `${handle.path}\0${compactId ?? ''}`;
  const upTo = newestEventId(handle, compactId);
  const known = verdicts.get(key);
  const fresh = known && known.headEventId === upTo && now - known.checkedAt.getTime() < MAX_VERDICT_AGE_MS;
  if (!recheck && fresh) return known;
  const flightKey = `${key}\0${upTo}`;
  const running = inFlight.get(flightKey);
  if (running) return running;
  const check = verifier
    .call({ file: handle.path, task: { kind: 'verify-chain', compactId, upTo } })
    .then((verdict) => {
      const status = statusOf(verdict, upTo);
      remember(key, status);
      return status;
    })
    .finally(() => inFlight.delete(flightKey));
  inFlight.set(flightKey, check);
  return check;
}

/** Stops the verification worker (tests; a server ending its process ends the thread with it). */
export const stopChainVerifier = (): Promise<void> => verifier.close();
