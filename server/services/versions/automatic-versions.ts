import 'server-only';
import type { Db } from '@/db/client';
import { config } from '../../config';
import type { AuditActor } from '../audit';
import { activeCompactIds } from '../compact-archive';
import { contributorsBetween, snapshotAt, updatesAfter } from './text-snapshot';
import { furthestVersion, insertVersion, newestVersion, type StoredVersion } from './version-writes';

const SYSTEM: AuditActor = { userId: null, partyId: null };

export interface AutomaticVersionRules {
  /** Made once the text has had no new update for this long… */
  quietMs: number;
  /** …or once its oldest update not yet in a version is this old, while people keep editing. */
  activityMs: number;
}

const configuredRules = (): AutomaticVersionRules => ({
  quietMs: config.versionQuietMs,
  activityMs: config.versionActivityMs,
});

/**
 * Per database: the update each compact was last found unchanged at (its text hashed like its newest
 * version's, or failing to render), so it is not rendered again until something newer is stored.
 * Kept in memory: after a restart such a compact is rendered once more.
 */
const checkedUnchanged = new WeakMap<Db, Map<string, number>>();

function uncheckedSince(db: Db): Map<string, number> {
  let checked = checkedUnchanged.get(db);
  if (!checked) checkedUnchanged.set(db, (checked = new Map()));
  return checked;
}

/** An automatic version of one compact, when it is due and its text changed; null otherwise. */
function automaticVersionOf(db: Db, compactId: string, now: number, rules: AutomaticVersionRules) {
  const checked = uncheckedSince(db);
  // Numbered after the newest version, spanning from (and compared with) the one reaching furthest.
  const newest = newestVersion(db, compactId);
  const previous = furthestVersion(db, compactId);
  const versioned = previous?.uptoUpdateId ?? 0;
  const pending = updatesAfter(db, compactId, Math.max(versioned, checked.get(compactId) ?? 0));
  if (!pending) return null;
  const quiet = pending.newestAt.getTime() <= now - rules.quietMs;
  const longActive = pending.oldestAt.getTime() <= now - rules.activityMs;
  if (!quiet && !longActive) return null;
  const snapshot = snapshotAt(db, compactId, pending.newestId);
  if (previous && snapshot.contentHash === previous.contentHash) {
    // No noise: the next version's contributors still span from the previous version.
    checked.set(compactId, pending.newestId);
    return null;
  }
  checked.delete(compactId);
  return insertVersion(db, SYSTEM, {
    compactId,
    kind: 'auto',
    name: null,
    symbol: null,
    note: null,
    snapshot,
    contributors: contributorsBetween(db, compactId, versioned, pending.newestId),
    follows: newest?.number ?? 0,
    createdBy: null,
  });
}

/**
 * Right after a compact is archived: an automatic version of its text when it changed since its
 * newest version (the sweep skips archived compacts, so edits of the last quiet minutes would
 * otherwise wait for a restore). A text that fails to render is logged; the archiving stands.
 */
export function versionArchivedText(db: Db, compactId: string): StoredVersion | null {
  try {
    return automaticVersionOf(db, compactId, Date.now(), { quietMs: 0, activityMs: 0 });
  } catch (error) {
    console.error(`Could not make the automatic version of archived compact ${compactId}:`, error);
    return null;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Makes an automatic version of every active (not archived) compact whose stored updates go past its newest version and
 * that has gone quiet (`quietMs`) or been edited for long (`activityMs`) — unless its text hashes
 * like its newest version's. Audited as the system. One compact at a time, yielding to the event
 * loop between them; a compact whose text fails to render is logged and skipped until it changes.
 * Stops before the next compact once `keepGoing` says so (the sweep's timer was stopped). Resolves
 * with the versions made.
 */
export async function createAutomaticVersions(
  db: Db,
  now: number,
  rules: AutomaticVersionRules = configuredRules(),
  keepGoing: () => boolean = () => true,
): Promise<StoredVersion[]> {
  const made: StoredVersion[] = [];
  // Archived compacts are read only: nothing to version until they are restored.
  for (const id of activeCompactIds(db)) {
    if (!keepGoing()) break;
    try {
      const version = automaticVersionOf(db, id, now, rules);
      if (version) made.push(version);
    } catch (error) {
      console.error(`Could not make an automatic version of compact ${id}:`, error);
      const pending = updatesAfter(db, id, furthestVersion(db, id)?.uptoUpdateId ?? 0);
      if (pending) uncheckedSince(db).set(id, pending.newestId);
    }
    await nextTurn();
  }
  return made;
}

/**
 * Runs the sweep every `everyMs` in the HTTP process (the only one that appends audit events),
 * never two at once; the timer does not keep the process alive. Returns the function that stops it.
 */
export function makeAutomaticVersionsPeriodically(db: Db, everyMs = config.versionSweepMs): () => void {
  let running = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    createAutomaticVersions(db, Date.now(), configuredRules(), () => !stopped)
      .catch((error: unknown) => console.error('The automatic versions sweep failed:', error))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  // A pass already running ends before its next compact: the database may be closing.
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
