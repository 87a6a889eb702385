import 'server-only';
import type { Problem } from '@/i18n/types';
import type { Refusal } from './authorize';
import type { CompactMember } from './compact-member';

/**
 * Archiving a compact is the instance's business, like creating one: only instance administrators
 * archive and restore (`instanceAdminProcedure`) — not a compact's own admins, who chair one
 * negotiation for one party. An archived compact is read only for every role: `may` allows only
 * the read-only actions (the member carries `compactArchived`), `compactProcedure` refuses every mutation, the collaboration server serves
 * the text read only, and the HTTP routes that write ask `archivedRefusal`.
 */
export const ARCHIVED_REFUSAL: Problem = { key: 'errors.archive.compactArchivedReadOnly' };

/** Null while the compact is active; the reason every write is refused once it is archived. */
export function archivedRefusal(member: Pick<CompactMember, 'compactArchived'>): Refusal {
  return member.compactArchived ? ARCHIVED_REFUSAL : null;
}
