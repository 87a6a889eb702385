import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditEvents } from '@/db/schema/audit';
import { user } from '@/db/schema/auth';
import { parties } from '@/db/schema/parties';
import { eventField } from '../audit-chain';

/** The audit actions that decide a provision's agreement: the chair's and the server's. */
export const DECISION_ACTIONS = [
  'provision.state-changed',
  'provision.demoted',
  'provision.option-accepted',
  'provision.options-withdrawn',
] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** How many decisions one provision shows (newest first). */
export const MAX_DECISIONS = 50;

export interface ProvisionDecision {
  action: DecisionAction;
  /** The state declared (state changes and demotions). */
  state: string | null;
  /** The option accepted (0-based), for an acceptance. */
  optionIndex: number | null;
  at: Date;
  /** Who decided; null: the server itself (a demotion). */
  by: { name: string; partyCode: string | null } | null;
}

/**
 * Who declared what on one provision, and when, newest first: the chair's state changes and option
 * decisions and the server's demotions, from the audit log. Shown to everyone in the compact (the
 * words of accepted options are not: they are in the text and its history).
 */
export function provisionDecisions(db: Db, compactId: string, provisionId: string): ProvisionDecision[] {
  const rows = db
    .select({
      action: auditEvents.action,
      after: auditEvents.after,
      at: auditEvents.createdAt,
      actorId: auditEvents.actorUserId,
      name: user.name,
      partyCode: parties.shortCode,
    })
    .from(auditEvents)
    .leftJoin(user, eq(user.id, auditEvents.actorUserId))
    .leftJoin(parties, eq(parties.id, auditEvents.actorPartyId))
    .where(
      and(
        eq(auditEvents.compactId, compactId),
        eq(auditEvents.entityType, 'provision'),
        eq(auditEvents.entityId, provisionId),
        inArray(auditEvents.action, [...DECISION_ACTIONS]),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(MAX_DECISIONS)
    .all();
  return rows.map((row) => {
    const state = eventField(row.after, 'state');
    const optionIndex = eventField(row.after, 'optionIndex');
    return {
      action: row.action as DecisionAction,
      state: typeof state === 'string' ? state : null,
      optionIndex: typeof optionIndex === 'number' ? optionIndex : null,
      at: row.at,
      by: row.actorId === null ? null : { name: row.name ?? '', partyCode: row.partyCode ?? null },
    };
  });
}
