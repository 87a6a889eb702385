import type { ProgressState } from '@/shared/enums';

/**
 * The progress workflow: draft → submitted → validated, or → returned (→ submitted again); a
 * submission not decided yet may be withdrawn by its party (→ draft).
 * Who may move an update is the policies' question (server/policies); when it may move is this.
 */
export const PROGRESS_TRANSITIONS = {
  draft: ['submitted'],
  returned: ['submitted'],
  submitted: ['validated', 'returned', 'draft'],
  validated: [],
} as const satisfies Record<ProgressState, readonly ProgressState[]>;

export function mayMove(from: ProgressState, to: ProgressState): boolean {
  return (PROGRESS_TRANSITIONS[from] as readonly ProgressState[]).includes(to);
}

/** Drafts and returned updates are still their party's to change (and to add evidence to). */
export const isEditable = (state: ProgressState) => mayMove(state, 'submitted');

/** A returned update is open for discussion between its party and the validators. */
export const isUnderDiscussion = (state: ProgressState) => state === 'returned';
