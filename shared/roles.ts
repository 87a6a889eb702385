/**
 * The roles a member holds in one compact — defined here only. What each role may do is decided
 * on the server; the comments say what the role is for.
 */
export const COMPACT_ROLES = [
  /** Runs the compact: members and invitations, the framework's calendar, thresholds, commitments and indicators; edits the text. */
  'admin',
  /** Co-authors the compact text for their party; proposes indicators. */
  'negotiator',
  /** Reports progress on the indicators their party is responsible for (drafts, submissions, CSV import). */
  'monitor',
  /** Validates or returns submitted progress (never their own) and confirms qualitative ratings. */
  'validator',
  /** Reads the text and the framework; changes nothing. */
  'reviewer',
] as const;
export type CompactRole = (typeof COMPACT_ROLES)[number];
