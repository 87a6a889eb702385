import 'server-only';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { compacts } from '@/db/schema/compacts';
import { publishAccessChange } from '../events/access-changes';
import { recordAuditEvent, type AuditActor } from './audit';
import { findMembership } from './compacts';
import { DomainError } from './domain-error';

/** At most this many compacts are listed on the administration page. */
export const MAX_ADMIN_COMPACTS = 1000;

export interface ArchiveInput {
  compactId: string;
  /** Why (optional; '' when none was given). */
  reason: string;
}

/** The compacts the periodic sweeps work on (automatic versions, deadlines, notifications): the active ones. */
export function activeCompactIds(db: DbOrTx): string[] {
  return db
    .select({ id: compacts.id })
    .from(compacts)
    .where(isNull(compacts.archivedAt))
    .all()
    .map((row) => row.id);
}

/** Who archived the compact, when and why; null while it is active. */
export function archiveDetails(db: DbOrTx, compactId: string) {
  const [row] = db
    .select({ archivedAt: compacts.archivedAt, archivedByName: user.name, reason: compacts.archiveReason })
    .from(compacts)
    .leftJoin(user, eq(user.id, compacts.archivedBy))
    .where(and(eq(compacts.id, compactId), isNotNull(compacts.archivedAt)))
    .all();
  if (!row?.archivedAt) return null;
  return { archivedAt: row.archivedAt, archivedByName: row.archivedByName ?? '', reason: row.reason ?? '' };
}

/** Every compact of the instance, active and archived, for its administrators. */
export function listAllCompacts(db: DbOrTx) {
  return db
    .select({
      id: compacts.id,
      title: compacts.title,
      createdAt: compacts.createdAt,
      archivedAt: compacts.archivedAt,
      archivedByName: user.name,
      archiveReason: compacts.archiveReason,
    })
    .from(compacts)
    .leftJoin(user, eq(user.id, compacts.archivedBy))
    .orderBy(asc(compacts.title))
    .limit(MAX_ADMIN_COMPACTS)
    .all();
}

/**
 * The administrator as the compact's audit chain records them: with the party they represent in it
 * when they are a member, else with no party (an account-level act, like creating a party).
 */
function auditActorIn(tx: DbOrTx, compactId: string, userId: string): AuditActor {
  return { userId, partyId: findMembership(tx, compactId, userId)?.partyId ?? null };
}

type ArchiveState = { archivedAt: Date | null; archivedBy: string | null; reason: string | null };

/** What archiving or restoring writes: the compact's new columns and its audit event. */
interface ArchiveChange {
  action: 'compact.archived' | 'compact.restored';
  set: { archivedAt: Date | null; archivedBy: string | null; archiveReason: string | null };
  before: unknown;
  after: unknown;
}

/**
 * Reads the compact's archive state, lets `decide` refuse or describe the change, and writes it
 * with its audit event in one short transaction; then tells open sockets (they reconnect with the
 * access the compact now allows).
 */
function changeArchive(
  db: Db,
  actor: { userId: string },
  compactId: string,
  decide: (state: ArchiveState) => ArchiveChange,
): void {
  db.transaction(
    (tx) => {
      const [state] = tx
        .select({ archivedAt: compacts.archivedAt, archivedBy: compacts.archivedBy, reason: compacts.archiveReason })
        .from(compacts)
        .where(eq(compacts.id, compactId))
        .all();
      if (!state) throw new DomainError('NOT_FOUND', { key: 'errors.compacts.noSuchCompact' });
      const change = decide(state);
      tx.update(compacts).set(change.set).where(eq(compacts.id, compactId)).run();
      recordAuditEvent(tx, auditActorIn(tx, compactId, actor.userId), {
        compactId,
        action: change.action,
        entityType: 'compact',
        entityId: compactId,
        before: change.before,
        after: change.after,
      });
    },
    { behavior: 'immediate' },
  );
  publishAccessChange({ type: 'compact-archive-changed', compactId });
}

/**
 * Archives a compact: read only for everyone from now on, left out of the default lists. Audited as
 * `compact.archived` in the compact's chain, in the same transaction; open editors are told (they
 * reconnect read only). Archiving an archived compact is refused and changes nothing.
 */
export function archiveCompact(db: Db, actor: { userId: string }, input: ArchiveInput, now = new Date()) {
  changeArchive(db, actor, input.compactId, (state) => {
    if (state.archivedAt) throw new DomainError('CONFLICT', { key: 'errors.compactArchive.compactAlreadyArchived' });
    return {
      action: 'compact.archived',
      set: { archivedAt: now, archivedBy: actor.userId, archiveReason: input.reason },
      before: { archivedAt: null },
      after: { archivedAt: now.toISOString(), reason: input.reason },
    };
  });
  return { compactId: input.compactId, archivedAt: now };
}

/**
 * Restores an archived compact: fully editable again and listed as before. Audited as
 * `compact.restored` (with when, by whom and why it had been archived); open readers are told.
 */
export function restoreCompact(db: Db, actor: { userId: string }, input: ArchiveInput) {
  changeArchive(db, actor, input.compactId, (state) => {
    if (!state.archivedAt) throw new DomainError('CONFLICT', { key: 'errors.compactArchive.compactNotArchived' });
    return {
      action: 'compact.restored',
      set: { archivedAt: null, archivedBy: null, archiveReason: null },
      before: { archivedAt: state.archivedAt.toISOString(), archivedBy: state.archivedBy, reason: state.reason },
      after: { archivedAt: null, reason: input.reason },
    };
  });
  return { compactId: input.compactId };
}
