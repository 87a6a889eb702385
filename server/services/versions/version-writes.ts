import 'server-only';
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { versions, type VersionContributor } from '@/db/schema/versions';
import type { VersionKind } from '@/shared/history/version-rules';
import { recordAuditEvent, type AuditActor } from '../audit';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import type { TextSnapshot } from './text-snapshot';

/** The newest version of a compact (the one a new version follows), if any. */
export function newestVersion(db: DbOrTx, compactId: string) {
  return db
    .select({ number: versions.number, uptoUpdateId: versions.uptoUpdateId, contentHash: versions.contentHash })
    .from(versions)
    .where(eq(versions.compactId, compactId))
    .orderBy(desc(versions.number))
    .limit(1)
    .all()[0];
}

export type NewestVersion = ReturnType<typeof newestVersion>;

/**
 * The version reaching furthest in the update log (the greatest `uptoUpdateId`, the newest of
 * equals), optionally only among those reaching no further than `uptoUpdateId`. Usually the newest
 * version; not when a review cycle's baseline froze an older text after it: the next version's
 * contributors then still span from this one, and automatic versions do not repeat what it covers.
 */
export function furthestVersion(db: DbOrTx, compactId: string, uptoUpdateId?: number) {
  return db
    .select({ number: versions.number, uptoUpdateId: versions.uptoUpdateId, contentHash: versions.contentHash })
    .from(versions)
    .where(
      and(
        eq(versions.compactId, compactId),
        uptoUpdateId === undefined ? undefined : lte(versions.uptoUpdateId, uptoUpdateId),
      ),
    )
    .orderBy(desc(versions.uptoUpdateId), desc(versions.number))
    .limit(1)
    .all()[0];
}

/** Whether a compact already has a version of this name (names compare case-insensitively, as the unique index does). */
export function versionNameTaken(db: DbOrTx, compactId: string, name: string): boolean {
  return (
    db
      .select({ id: versions.id })
      .from(versions)
      .where(and(eq(versions.compactId, compactId), sql`${versions.name} = ${name} collate nocase`))
      .limit(1)
      .all().length > 0
  );
}

export const nameTakenError = (name: string) =>
  new DomainError('CONFLICT', { key: 'errors.versionWrites.compactAlreadyHasVersion', args: { name } });

/** A version computed outside the write transaction, ready to be numbered and stored. */
export interface VersionDraft {
  compactId: string;
  kind: VersionKind;
  name: string | null;
  symbol: string | null;
  note: string | null;
  snapshot: TextSnapshot;
  contributors: VersionContributor[];
  /** The number of the newest version when the draft was computed (0: none); it follows that one. */
  follows: number;
  createdBy: string | null;
}

export interface StoredVersion {
  id: string;
  number: number;
  kind: VersionKind;
  name: string | null;
  symbol: string | null;
  note: string | null;
  uptoUpdateId: number;
  contentHash: string;
  canonicalVersion: number;
  createdAt: Date;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Writes a version and its `version.created` audit event (carrying its content hash, so the chain
 * covers the text) inside the caller's write transaction. Null when another version was stored
 * since the draft was computed (its contributors would no longer span from the previous version).
 * A name the compact already has is a CONFLICT.
 */
export function writeVersion(tx: DbOrTx, actor: AuditActor, draft: VersionDraft): StoredVersion | null {
  if ((newestVersion(tx, draft.compactId)?.number ?? 0) !== draft.follows) return null;
  if (draft.name !== null && versionNameTaken(tx, draft.compactId, draft.name)) throw nameTakenError(draft.name);
  const { snapshot } = draft;
  const stored: StoredVersion = {
    id: newId(),
    number: draft.follows + 1,
    kind: draft.kind,
    name: draft.name,
    symbol: draft.symbol,
    note: draft.note,
    uptoUpdateId: snapshot.uptoUpdateId,
    contentHash: snapshot.contentHash,
    canonicalVersion: snapshot.canonicalVersion,
    createdAt: new Date(),
  };
  tx.insert(versions)
    .values({
      ...stored,
      compactId: draft.compactId,
      contentJson: snapshot.contentJson,
      plainText: snapshot.plainText,
      contributors: draft.contributors,
      createdBy: draft.createdBy,
    })
    .run();
  recordAuditEvent(tx, actor, {
    compactId: draft.compactId,
    action: 'version.created',
    entityType: 'version',
    entityId: stored.id,
    after: {
      number: stored.number,
      kind: stored.kind,
      name: stored.name,
      symbol: stored.symbol,
      uptoUpdateId: stored.uptoUpdateId,
      contentHash: stored.contentHash,
      canonicalVersion: stored.canonicalVersion,
    },
  });
  return stored;
}

/** A unique-index violation on a version's name, raced by another process: the CONFLICT it means. */
export function versionNameRaced(db: DbOrTx, draft: VersionDraft, error: unknown): DomainError | null {
  return draft.name !== null && isUniqueViolation(error) && versionNameTaken(db, draft.compactId, draft.name)
    ? nameTakenError(draft.name)
    : null;
}

/**
 * Stores a version with its audit event (writeVersion) in one short immediate transaction. Null
 * when another version was stored since the draft was computed: compute it again.
 */
export function insertVersion(db: Db, actor: AuditActor, draft: VersionDraft): StoredVersion | null {
  try {
    return db.transaction((tx) => writeVersion(tx, actor, draft), { behavior: 'immediate' });
  } catch (error) {
    // Another process stored the same name between the check and the insert.
    throw versionNameRaced(db, draft, error) ?? error;
  }
}
