import type { DbHandle } from '@/db/client';
import { memberWithRole } from './factories';
import type { CompactRole } from '@/shared/roles';

/** Makes a membership a signatory for its party (as an admin's members panel does). */
export function makeSignatory(handle: DbHandle, compactId: string, userId: string): void {
  handle.sqlite
    .prepare('UPDATE memberships SET signatory = 1 WHERE compact_id = ? AND user_id = ?')
    .run(compactId, userId);
}

/** A new member of `compactId` with `role` for `partyId`, signed in, whose membership is a signatory's. */
export async function signatoryWithRole(handle: DbHandle, compactId: string, role: CompactRole, partyId: string) {
  const member = await memberWithRole(handle, compactId, role, partyId);
  makeSignatory(handle, compactId, member.id);
  return member;
}

/** What is stored about sign-offs of a compact: rows and their audit events (for "nothing was written"). */
export function signOffRecord(handle: DbHandle, compactId: string) {
  const count = (sql: string) => (handle.sqlite.prepare(sql).get(compactId) as { n: number }).n;
  return {
    rows: count('SELECT count(*) AS n FROM sign_offs WHERE compact_id = ?'),
    withdrawn: count('SELECT count(*) AS n FROM sign_offs WHERE compact_id = ? AND withdrawn_at IS NOT NULL'),
    events: count(`SELECT count(*) AS n FROM audit_events WHERE compact_id = ? AND entity_type = 'sign-off'`),
  };
}
