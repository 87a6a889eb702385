// What people are told about, in the app (the bell) and by e-mail. Pure: the browser imports it too.

export const NOTIFICATION_KINDS = [
  /** An invitation to a compact (for someone who already has an account). */
  'invitation',
  /** A password-reset link was made for the account (by an administrator or through "Forgot password?"). */
  'password-reset',
  /** A monitor submitted progress: the compact's validators. */
  'progress-submitted',
  /** A validator returned an update: its submitter and the monitors of its party. */
  'progress-returned',
  /** A validator validated an update: its submitter and the monitors of its party. */
  'progress-validated',
  /** A reporting deadline is near and the value is missing: the party's monitors and the compact's admins. */
  'deadline-approaching',
  /** A reporting deadline has passed without a value: the party's monitors and the compact's admins. */
  'deadline-missed',
  /** A negotiator proposed an indicator: the compact's admins. */
  'indicator-proposed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds whose e-mail is always sent when asked for: for someone who cannot sign in, it is the only way in. */
export const ALWAYS_EMAILED: readonly NotificationKind[] = ['invitation', 'password-reset'];

/** The kinds a person may switch off by e-mail (each starts switched on; the bell always shows them). */
export const OPTIONAL_EMAIL_KINDS = NOTIFICATION_KINDS.filter((kind) => !ALWAYS_EMAILED.includes(kind));

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** Values a notification's text is filled with (indicator codes, period labels, compact titles). */
export type NotificationArgs = Record<string, string>;

/** Longest value kept in a notification's arguments. */
export const MAX_NOTIFICATION_ARG_CHARS = 200;
