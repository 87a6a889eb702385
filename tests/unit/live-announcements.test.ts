import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveAnnouncement, type AnnouncedState } from '@/app/_lib/live-announcements';
import type { PresenceEntry } from '@/app/_lib/presence-groups';
import { caretName } from '@/app/compacts/[compactId]/_components/caret';
import { translatorFor } from '@/i18n/catalogues';
import { enT } from '../helpers/i18n';

const person = (userId: string, name: string, partyShortCode: string): PresenceEntry => ({
  userId,
  name,
  partyName: `Party ${partyShortCode}`,
  partyShortCode,
  color: '#123456',
  tabs: 1,
});
const me = person('u-me', 'Amina Diallo', 'UNSMA');
const piotr = person('u-piotr', 'Piotr Varga', 'VAR');
const at = (status: AnnouncedState['status'], people: PresenceEntry[]): AnnouncedState => ({ status, people });

test('someone joining or leaving is announced with their name and party code; the viewer is never announced', () => {
  assert.equal(
    liveAnnouncement(enT, at('connected', [me]), at('connected', [me, piotr]), me.userId),
    'Piotr Varga (VAR) joined the document.',
  );
  assert.equal(
    liveAnnouncement(enT, at('connected', [me, piotr]), at('connected', [me]), me.userId),
    'Piotr Varga (VAR) left the document.',
  );
  assert.equal(liveAnnouncement(enT, at('connected', [piotr]), at('connected', [piotr, me]), me.userId), null);
});

test('the people already in the document when the page opens, and presence dropped by a lost connection, are not news', () => {
  assert.equal(liveAnnouncement(enT, at('connected', []), at('connected', [me, piotr]), me.userId), null);
  assert.equal(liveAnnouncement(enT, at('reconnecting', [me, piotr]), at('reconnecting', [me]), me.userId), null);
});

test('losing the connection, going offline, coming back and turning read only are each announced once', () => {
  const change = (before: AnnouncedState['status'], after: AnnouncedState['status']) =>
    liveAnnouncement(enT, at(before, [me]), at(after, [me]), me.userId);
  assert.equal(change('connecting', 'connected'), null);
  assert.equal(change('connected', 'reconnecting'), 'Connection lost: reconnecting…');
  assert.match(change('connected', 'offline')!, /^You are offline/);
  assert.equal(change('offline', 'offline-unsynced'), null);
  assert.equal(change('offline-unsynced', 'connected'), 'Reconnected: your changes are shared again.');
  assert.equal(
    change('connected', 'forbidden'),
    'The text is now read only. You no longer have access to this compact',
  );
});

test('a refused change is not announced twice: its notice on the page is already an alert', () => {
  assert.equal(liveAnnouncement(enT, at('connected', [me]), at('refused-proposal', [me]), me.userId), null);
});

test('a remote caret is named for screen readers in the reader’s language, with the party code', () => {
  const user = { userId: 'u-piotr', name: 'Piotr Varga', partyShortCode: 'VAR' };
  assert.equal(caretName(enT, user, 'u-me'), 'Cursor of Piotr Varga, VAR');
  assert.equal(caretName(enT, user, 'u-piotr'), 'Your cursor in another tab');
  assert.equal(caretName(translatorFor('fr'), user, 'u-me'), 'Curseur de Piotr Varga, VAR');
});
