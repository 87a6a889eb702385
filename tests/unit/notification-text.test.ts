import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatterFor, translatorFor } from '@/i18n/catalogues';
import type { AppLocale } from '@/i18n/locales';
import { notificationText, notificationValues } from '@/i18n/notification-text';
import { dictionary } from '@/shared/reserved-keys';
import type { NotificationArgs } from '@/shared/notifications/kinds';

const args = (values: Record<string, string>): NotificationArgs => Object.assign(dictionary<string>(), values);
const reader = (locale: AppLocale, timeZone = 'UTC') =>
  [translatorFor(locale, timeZone), formatterFor(locale, timeZone)] as const;

const invitation = args({
  compact: 'Aldoria compact',
  role: 'monitor',
  party: 'UNSMA',
  inviter: 'Amina Diallo',
  expires: '2026-10-12T14:05:00.000Z',
});

describe('notification texts in the reader’s language', () => {
  test('the same invitation reads in English, French and Arabic, its role named and its expiry a date of each language', () => {
    const english = notificationText('invitation', invitation, ...reader('en'));
    assert.equal(english, 'Invitation to “Aldoria compact” as Monitor for UNSMA, from Amina Diallo');
    for (const locale of ['fr', 'ar'] as const) {
      const [t, format] = reader(locale);
      const values = notificationValues(invitation, t, format);
      assert.equal(values.role, t('role.monitor'));
      assert.equal(values.compact, 'Aldoria compact', 'people’s own text is left as it is');
      assert.equal(notificationText('invitation', invitation, t, format), t('notifications.kind.invitation', values));
    }
    assert.match(notificationValues(invitation, ...reader('fr')).expires!, /^12 octobre 2026 à 14:05 UTC$/);
    assert.match(notificationValues(invitation, ...reader('ar')).expires!, /^12 أكتوبر 2026/);
    assert.doesNotMatch(notificationValues(invitation, ...reader('ar')).expires!, /[\u0660-\u0669]/, 'Latin digits');
  });

  test('a password-reset notice shows its expiry in the reader’s time zone, the zone named', () => {
    const reset = args({ email: 'a@example.org', expires: '2026-10-12T14:05:00.000Z' });
    assert.equal(
      notificationText('password-reset', reset, ...reader('en', 'Europe/Paris')),
      'A link to set a new password for a@example.org was made (valid until 12 October 2026 at 16:05 CEST)',
    );
    assert.match(
      notificationValues(reset, ...reader('fr', 'Europe/Paris')).expires!,
      /^12 octobre 2026 à 16:05 UTC\+2$/,
    );
  });

  test('a deadline is a calendar day, the same in every time zone', () => {
    const deadline = args({ indicator: 'AU-1', period: '2026 Q1', compact: 'Aldoria compact', due: '2026-04-30' });
    for (const zone of ['UTC', 'Pacific/Honolulu', 'Pacific/Kiritimati'])
      assert.equal(
        notificationText('deadline-approaching', deadline, ...reader('en', zone)),
        'AU-1 for 2026 Q1 in “Aldoria compact” is due on 30 April 2026',
      );
    assert.equal(notificationValues(deadline, ...reader('fr')).due, '30 avril 2026');
    assert.equal(notificationValues(deadline, ...reader('ar')).due, '30 أبريل 2026');
  });

  test('values stored before the languages came are still read: the old expiry form, unknown roles as stored', () => {
    const old = args({ expires: '2026-10-12 14:05 UTC', role: 'observer', due: 'end of April' });
    const values = notificationValues(old, ...reader('fr'));
    assert.equal(values.expires, '12 octobre 2026 à 14:05 UTC');
    assert.equal(values.role, 'observer');
    assert.equal(values.due, 'end of April');
    assert.equal(notificationValues(args({ expires: 'soon' }), ...reader('en')).expires, 'soon');
  });
});
