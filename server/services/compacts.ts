import 'server-only';
import { contentToYUpdate } from '../editor/document-content';
import { newCompactText } from '../editor/provision-form';
import { SYSTEM_AUTHOR } from './doc-clients';
import { appendDocUpdate } from './document-store';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { compacts, memberships } from '@/db/schema/compacts';
import { parties } from '@/db/schema/parties';
import { recordAuditEvent } from './audit';
import { DomainError } from './domain-error';
import { newId } from './ids';
import { compactPermissions } from '@/server/policies/role-actions';
import type { TextLanguage } from '@/shared/text-languages';

const compactColumns = {
  id: compacts.id,
  title: compacts.title,
  description: compacts.description,
  createdAt: compacts.createdAt,
  archivedAt: compacts.archivedAt,
  /** The language the text is written in (sets the editor's direction). */
  textLanguage: compacts.textLanguage,
};

/**
 * The compacts this person is a member of, with their role in each and what it allows; archived
 * compacts only when asked for (`includeArchived`).
 */
export function listCompactsOf(db: DbOrTx, userId: string, { includeArchived = false } = {}) {
  const mine = eq(memberships.userId, userId);
  return db
    .select({ ...compactColumns, role: memberships.role, signatory: memberships.signatory })
    .from(memberships)
    .innerJoin(compacts, eq(compacts.id, memberships.compactId))
    .where(includeArchived ? mine : and(mine, isNull(compacts.archivedAt)))
    .orderBy(asc(compacts.title))
    .all()
    .map((row) => ({ ...row, can: compactPermissions({ role: row.role, compactArchived: row.archivedAt !== null }) }));
}

export function compactExists(db: DbOrTx, compactId: string): boolean {
  return db.select({ id: compacts.id }).from(compacts).where(eq(compacts.id, compactId)).all().length > 0;
}

export function getCompact(db: DbOrTx, compactId: string) {
  const [row] = db.select(compactColumns).from(compacts).where(eq(compacts.id, compactId)).all();
  if (!row) throw new DomainError('NOT_FOUND', { key: 'errors.compacts.noSuchCompact' });
  return row;
}

export interface NewCompact {
  title: string;
  description: string;
  /** The party the creator represents in this compact (as its first admin). */
  partyId: string;
  /** The language the text will be written in ('en' when not given). */
  textLanguage?: TextLanguage;
}

/** Throws a BAD_REQUEST unless the party exists. */
export function assertPartyExists(db: DbOrTx, partyId: string) {
  const [party] = db.select({ id: parties.id }).from(parties).where(eq(parties.id, partyId)).all();
  if (!party) throw new DomainError('BAD_REQUEST', { key: 'errors.compacts.chooseOneListedParties' });
}

/**
 * Creates a compact; its creator becomes the compact's first admin, representing the party they
 * chose. The creation is audited with that party: it is the creator's first act in the compact.
 */
export function createCompact(db: Db, actor: { userId: string }, input: NewCompact) {
  return db.transaction((tx) => {
    assertPartyExists(tx, input.partyId);
    const compact = {
      id: newId(),
      title: input.title.trim(),
      description: input.description.trim(),
      textLanguage: input.textLanguage ?? 'en',
    };
    const now = new Date();
    tx.insert(compacts)
      .values({ ...compact, createdBy: actor.userId, createdAt: now })
      .run();
    appendDocUpdate(tx, compact.id, contentToYUpdate(newCompactText()), SYSTEM_AUTHOR);
    tx.insert(memberships)
      .values({
        compactId: compact.id,
        userId: actor.userId,
        partyId: input.partyId,
        role: 'admin',
        signatory: false,
        createdAt: now,
      })
      .run();
    recordAuditEvent(
      tx,
      { userId: actor.userId, partyId: input.partyId },
      {
        compactId: compact.id,
        action: 'compact.created',
        entityType: 'compact',
        entityId: compact.id,
        after: { ...compact, creatorPartyId: input.partyId },
      },
    );
    return compact;
  });
}

/** Ids are at most this long; anything longer names no compact (and is not worth a query). */
const MAX_ID_LENGTH = 64;

/** A person's membership of a compact: their role there, the party they represent there, and whether the compact is archived. */
export function findMembership(db: DbOrTx, compactId: string, userId: string) {
  if (compactId.length > MAX_ID_LENGTH) return null;
  const [row] = db
    .select({
      role: memberships.role,
      signatory: memberships.signatory,
      partyId: memberships.partyId,
      partyName: parties.name,
      partyShortCode: parties.shortCode,
      archivedAt: compacts.archivedAt,
    })
    .from(memberships)
    .innerJoin(parties, eq(parties.id, memberships.partyId))
    .innerJoin(compacts, eq(compacts.id, memberships.compactId))
    .where(and(eq(memberships.compactId, compactId), eq(memberships.userId, userId)))
    .all();
  if (!row) return null;
  const { archivedAt, ...membership } = row;
  // Whether the compact is archived (read only for every role: see server/policies/archive-policy.ts).
  return { ...membership, compactArchived: archivedAt !== null };
}
