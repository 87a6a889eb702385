import 'server-only';
import { ALWAYS_EMAILED, type NotificationArgs, type NotificationKind } from '@/shared/notifications/kinds';
import { config } from '../../config';

/** Where people choose their e-mails (the account area). */
export const EMAIL_PREFERENCES_PATH = '/account/notifications';

const fill = (template: string, args: NotificationArgs) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => args[name] ?? '');

const TEXTS: Record<NotificationKind, { subject: string; body: string }> = {
  invitation: {
    subject: 'Invitation to “{compact}”',
    body: '{inviter} invites you to join “{compact}” as {role} for {party}.\n\nOpen the invitation (valid until {expires}):',
  },
  'password-reset': {
    subject: 'Set a new password for Compact Workspace',
    body: 'A link to set a new password for {email} was requested. It works once, until {expires}.\nIf you did not ask for it, ignore this e-mail: your password stays as it is.\n\nSet a new password:',
  },
  'progress-submitted': {
    subject: '{indicator} {period}: progress submitted for validation',
    body: '{actor} submitted progress on {indicator} ({title}) for {period} in “{compact}”. It waits for validation.\n\nOpen the indicator:',
  },
  'progress-returned': {
    subject: '{indicator} {period}: progress returned',
    body: '{actor} returned the progress on {indicator} ({title}) for {period} in “{compact}”.\nReason: {reason}\n\nOpen the indicator:',
  },
  'progress-validated': {
    subject: '{indicator} {period}: progress validated',
    body: '{actor} validated the progress on {indicator} ({title}) for {period} in “{compact}”.{noteLine}\n\nOpen the indicator:',
  },
  'deadline-approaching': {
    subject: '{indicator} {period}: reporting due {due}',
    body: 'Progress on {indicator} ({title}) for {period} in “{compact}” is due on {due} and has not been submitted yet.\n\nOpen the indicator:',
  },
  'deadline-missed': {
    subject: '{indicator} {period}: reporting overdue',
    body: 'Progress on {indicator} ({title}) for {period} in “{compact}” was due on {due} and is missing.\n\nOpen the indicator:',
  },
  'indicator-proposed': {
    subject: 'Indicator proposed in “{compact}”: {indicator}',
    body: '{actor} proposed the indicator {indicator} ({title}) in “{compact}”. It waits for an administrator to accept it.\n\nOpen it:',
  },
};

/** An absolute link for an e-mail, from an app path and PUBLIC_URL. */
export function absoluteLink(path: string): string {
  return `${config.publicUrl ?? 'http://localhost:3000'}${path}`;
}

/** The subject and plain-text body of one kind of e-mail. */
export function emailText(kind: NotificationKind, args: NotificationArgs, linkPath: string | null) {
  const text = TEXTS[kind];
  // The validator's note (bounded like every argument) on its own line, when there is one.
  const noteLine = args.note ? `\nNote from the validator: ${args.note}` : '';
  const lines = [fill(text.body, { ...args, noteLine })];
  if (linkPath) lines.push(absoluteLink(linkPath));
  if (!ALWAYS_EMAILED.includes(kind))
    lines.push('', `Choose which e-mails you receive: ${absoluteLink(EMAIL_PREFERENCES_PATH)}`);
  return { subject: fill(text.subject, args).replace(/[\r\n]+/g, ' '), text: lines.join('\n') };
}
