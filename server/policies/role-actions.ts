import 'server-only';
import type { CompactRole } from '@/shared/roles';
import type { CompactMember } from './compact-member';

/**
 * What each role may do in a compact — the meaning of the roles, defined here only. Every
 * tRPC procedure, HTTP route and the collaboration server ask `may`; pages receive the answers
 * (`compactPermissions`) and show exactly what the server allows.
 */
export const ROLE_ACTIONS = {
  /** Read the compact: its text (live, read-only unless `editText`), members, framework, progress, CSV exports. */
  read: ['admin', 'negotiator', 'monitor', 'validator', 'reviewer'],
  /** Change the compact text in the live editor. */
  editText: ['admin', 'negotiator'],
  /**
   * Chair the negotiation (the penholder): declare provisions' agreement states and accept an
   * option — for every party, so no single negotiator may.
   */
  chairNegotiation: ['admin'],
  /** Invite, change, remove members; rename, deactivate and reset the accounts that reach no further than the compact. */
  manageMembers: ['admin'],
  /** Create, accept, change and retire indicators and commitments, set targets, configure periods, import the framework CSV. */
  manageFramework: ['admin'],
  /** Propose an indicator for an administrator to accept. */
  proposeIndicator: ['negotiator'],
  /** Report progress (drafts, submissions, evidence, progress CSV) on the indicators their party is responsible for. */
  reportProgress: ['monitor'],
  /** Validate or return progress submitted by others. */
  validateProgress: ['validator'],
  /** Discuss a returned update (validators, and monitors of the party that reported it). */
  discussProgress: ['monitor', 'validator'],
  /** Comment on the text (threads anchored to it): every role, including those that may not edit it. */
  comment: ['admin', 'negotiator', 'monitor', 'validator', 'reviewer'],
  /** Read and export the compact's audit log (its hash chain): administrators and reviewers. */
  viewAudit: ['admin', 'reviewer'],
  /** Name a version of the text ("Zero draft", "Rev.1"), with a document symbol and a note. */
  nameVersion: ['admin', 'negotiator'],
  /** Restore an earlier version of the text (a forward edit, attributed to them): administrators. */
  restoreVersion: ['admin'],
  /** Open (and close) an annual review cycle, freezing the text and the indicator data at a cut-off. */
  manageReviews: ['admin'],
  /** Record findings and questions in a review cycle, answer and close them: reviewers and administrators. */
  recordFindings: ['admin', 'reviewer'],
  /** Change the compact's own settings, such as the language its text is written in: administrators. */
  configureCompact: ['admin'],
} as const satisfies Record<string, readonly CompactRole[]>;

export type CompactAction = keyof typeof ROLE_ACTIONS;

export const COMPACT_ACTIONS = Object.keys(ROLE_ACTIONS) as CompactAction[];

export function may(member: Pick<CompactMember, 'role' | 'compactArchived'>, action: CompactAction): boolean {
  return (ROLE_ACTIONS[action] as readonly CompactRole[]).includes(member.role) && compactAllows(member, action);
}

/** Every compact-wide action with whether this member may take it (sent to pages). */
export function compactPermissions(
  member: Pick<CompactMember, 'role' | 'compactArchived'>,
): Record<CompactAction, boolean> {
  return Object.fromEntries(COMPACT_ACTIONS.map((action) => [action, may(member, action)])) as Record<
    CompactAction,
    boolean
  >;
}

/** The actions that change nothing: the only ones an archived compact still allows. */
export const READ_ONLY_ACTIONS = ['read', 'viewAudit'] as const satisfies readonly CompactAction[];

/**
 * Whether the compact lets anyone take the action: an archived compact is read only for every
 * role (see server/policies/archive-policy.ts).
 */
export function compactAllows(member: Pick<CompactMember, 'compactArchived'>, action: CompactAction): boolean {
  return !member.compactArchived || (READ_ONLY_ACTIONS as readonly CompactAction[]).includes(action);
}
