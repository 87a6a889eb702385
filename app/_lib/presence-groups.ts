import type { PresencePerson } from './use-collab';

/** One person in the presence list, however many tabs (connections) they have open. */
export interface PresenceEntry extends PresencePerson {
  /** How many of this person's connections are in the document: 2 when they have two tabs open. */
  tabs: number;
}

/**
 * Groups awareness states by person: one entry per userId, counting their tabs (each tab is a
 * connection with its own client id and state). States without a person (a tab whose editor has
 * not started yet, or that left) are skipped. The viewer comes first, then everyone else by name.
 */
export function groupPresence(states: Iterable<unknown>, myUserId?: string): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const state of states) {
    const user = (state as { user?: Partial<PresencePerson> } | null)?.user;
    if (!user || typeof user.userId !== 'string' || typeof user.name !== 'string') continue;
    const seen = byUser.get(user.userId);
    if (seen) seen.tabs++;
    else byUser.set(user.userId, { ...(user as PresencePerson), tabs: 1 });
  }
  return [...byUser.values()].sort(
    (a, b) => Number(b.userId === myUserId) - Number(a.userId === myUserId) || a.name.localeCompare(b.name),
  );
}

const SHOWN: readonly (keyof PresenceEntry)[] = [
  'userId',
  'name',
  'partyName',
  'partyShortCode',
  'emailDomain',
  'color',
  'tabs',
];

/**
 * Whether two presence lists show the same people the same way. Awareness changes on every caret
 * move (every keystroke, ours included): the page keeps its list, and so does not render again, unless this says no.
 */
export function samePresence(a: readonly PresenceEntry[], b: readonly PresenceEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => SHOWN.every((field) => entry[field] === b[i]![field]));
}
