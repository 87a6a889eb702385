import 'server-only';
import { and, desc, eq, gte, isNull, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditEvents } from '@/db/schema/audit';
import { user } from '@/db/schema/auth';
import { parties } from '@/db/schema/parties';

/** Which events the audit screen lists: every filter optional, all of them must hold. */
export interface AuditFilters {
  actorUserId?: string;
  partyId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Milliseconds since the epoch, inclusive. */
  from?: number;
  to?: number;
}

export interface AuditEventView {
  id: number;
  at: Date;
  actor: { id: string; name: string } | null;
  party: { id: string; code: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string | null;
}

export interface AuditPage {
  events: AuditEventView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

export const MAX_AUDIT_PAGE = 100;

const inChain = (compactId: string | null) =>
  compactId === null ? isNull(auditEvents.compactId) : eq(auditEvents.compactId, compactId);

function conditions(compactId: string | null, filters: AuditFilters, before?: number): SQL[] {
  const { actorUserId, partyId, action, entityType, entityId, from, to } = filters;
  return [
    inChain(compactId),
    before === undefined ? undefined : lt(auditEvents.id, before),
    actorUserId === undefined ? undefined : eq(auditEvents.actorUserId, actorUserId),
    partyId === undefined ? undefined : eq(auditEvents.actorPartyId, partyId),
    action === undefined ? undefined : eq(auditEvents.action, action),
    entityType === undefined ? undefined : eq(auditEvents.entityType, entityType),
    entityId === undefined ? undefined : eq(auditEvents.entityId, entityId),
    from === undefined ? undefined : gte(auditEvents.createdAt, new Date(from)),
    to === undefined ? undefined : lte(auditEvents.createdAt, new Date(to)),
  ].filter((condition): condition is SQL => condition !== undefined);
}

/**
 * One chain's events (a compact's, or the instance's for null), newest first, filtered, a page at
 * a time: keyset pagination on the event id, so a page costs the same at any depth.
 */
export function listAuditEvents(
  db: Db,
  compactId: string | null,
  filters: AuditFilters,
  { before, limit = 50 }: { before?: number; limit?: number } = {},
): AuditPage {
  const size = Math.min(Math.max(1, limit), MAX_AUDIT_PAGE);
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.createdAt,
      actorId: auditEvents.actorUserId,
      actorName: user.name,
      partyId: auditEvents.actorPartyId,
      partyCode: parties.shortCode,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    .leftJoin(user, eq(user.id, auditEvents.actorUserId))
    .leftJoin(parties, eq(parties.id, auditEvents.actorPartyId))
    .where(and(...conditions(compactId, filters, before)))
    .orderBy(desc(auditEvents.id))
    .limit(size + 1)
    .all();
  const page = rows.slice(0, size);
  return {
    events: page.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actorId === null ? null : { id: row.actorId, name: row.actorName ?? row.actorId },
      party: row.partyId === null ? null : { id: row.partyId, code: row.partyCode ?? row.partyId },
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
      hash: row.hash,
    })),
    nextBefore: rows.length > size ? page.at(-1)!.id : null,
  };
}
