import 'server-only';
import { formatterFor, translatorFor } from '@/i18n/catalogues';
import type { AppLocale } from '@/i18n/locales';
import { notificationValues } from '@/i18n/notification-text';
import type { MessageKey } from '@/i18n/types';
import { FORBIDDEN_CHARACTERS } from '@/shared/unsafe-characters';
import { ALWAYS_EMAILED, type NotificationArgs, type NotificationKind } from '@/shared/notifications/kinds';
import { config } from '../../config';

/** Where people choose their e-mails (the account area). */
export const EMAIL_PREFERENCES_PATH = '/account/notifications';

/** An absolute link for an e-mail, from an app path and PUBLIC_URL. */
export function absoluteLink(path: string): string {
  return `${config.publicUrl ?? 'http://localhost:3000'}${path}`;
}

const UNSAFE_RUNS = new RegExp(`${FORBIDDEN_CHARACTERS.source}+`, 'gu');

/**
 * A quoted value kept on its line: a line break, control character or direction override in a
 * title, a name, a reason or a note cannot start a line of its own in the e-mail (a fake link or
 * instruction standing where the server's own link does).
 */
const oneLine = (value: string) => value.replace(UNSAFE_RUNS, ' ');

/**
 * The subject and plain-text body of one kind of e-mail, in the recipient's language (`email.<kind>`
 * in the catalogues). Moments and days are formatted for that language in UTC, with the zone named.
 */
export function emailText(kind: NotificationKind, args: NotificationArgs, linkPath: string | null, locale: AppLocale) {
  const t = translatorFor(locale);
  const values = Object.fromEntries(
    Object.entries(notificationValues(args, t, formatterFor(locale))).map(([name, value]) => [name, oneLine(value)]),
  );
  // The validator's note (bounded like every argument) on its own line, when there is one.
  const noteLine = values.note ? `\n${t('email.noteLine', { note: values.note })}` : '';
  const lines = [t(`email.${kind}.body` as MessageKey, { ...values, noteLine })];
  if (linkPath) lines.push(absoluteLink(linkPath));
  if (!ALWAYS_EMAILED.includes(kind))
    lines.push('', t('email.preferences', { link: absoluteLink(EMAIL_PREFERENCES_PATH) }));
  const subject = t(`email.${kind}.subject` as MessageKey, values);
  return { subject: subject.replace(/[\r\n]+/g, ' '), text: lines.join('\n') };
}
