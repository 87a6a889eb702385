import type { Translate } from '@/i18n/types';
import { CONNECTION_LABELS } from './connection-labels';
import type { PresenceEntry } from './presence-groups';
import type { ConnectionStatus } from './use-collab';

/** What the compact page last told the live region about: the connection and who is in the document. */
export interface AnnouncedState {
  status: ConnectionStatus;
  people: PresenceEntry[];
}

const OFFLINE: ReadonlySet<ConnectionStatus> = new Set(['offline', 'offline-unsynced']);
const LIVE: ReadonlySet<ConnectionStatus> = new Set(['connecting', 'connected', 'reconnecting', ...OFFLINE]);
/** States whose own notice on the page is an alert (RefusedChangeNotice): saying it again politely is noise. */
const ALERTED: ReadonlySet<ConnectionStatus> = new Set(['refused-proposal']);

function connectionSentence(t: Translate, before: ConnectionStatus, after: ConnectionStatus): string | null {
  if (before === after || ALERTED.has(after)) return null;
  if (!LIVE.has(after)) return t('a11y.announce.readOnly', { reason: t(CONNECTION_LABELS[after]) });
  if (OFFLINE.has(after)) return OFFLINE.has(before) ? null : t('a11y.announce.offline');
  if (after === 'reconnecting') return before === 'connected' ? t('a11y.announce.reconnecting') : null;
  // The first connection of the page is not news; coming back after losing it is.
  if (after === 'connected') return before === 'connecting' ? null : t('a11y.announce.reconnected');
  return null;
}

function presenceSentences(t: Translate, before: PresenceEntry[], after: PresenceEntry[], myUserId: string) {
  // The first list the page receives is who was already there, not people joining.
  if (before.length === 0) return [];
  const was = new Set(before.map((person) => person.userId));
  const is = new Set(after.map((person) => person.userId));
  const named = (person: PresenceEntry) => ({ name: person.name, party: person.partyShortCode });
  return [
    ...after
      .filter((person) => person.userId !== myUserId && !was.has(person.userId))
      .map((person) => t('a11y.announce.joined', named(person))),
    ...before
      .filter((person) => person.userId !== myUserId && !is.has(person.userId))
      .map((person) => t('a11y.announce.left', named(person))),
  ];
}

/**
 * The short sentences a screen reader hears when the connection changes state (lost, offline,
 * back, read only) or someone joins or leaves the document — in the reader's language, one
 * polite announcement for everything that changed together.
 */
export function liveAnnouncement(
  t: Translate,
  before: AnnouncedState,
  after: AnnouncedState,
  myUserId: string,
): string | null {
  // Losing the connection drops everyone else's presence and getting it back restores it: that is not news.
  const steady = before.status === 'connected' && after.status === 'connected';
  const sentences = [
    connectionSentence(t, before.status, after.status),
    ...(steady ? presenceSentences(t, before.people, after.people, myUserId) : []),
  ].filter((sentence): sentence is string => sentence !== null);
  return sentences.length > 0 ? sentences.join(' ') : null;
}
