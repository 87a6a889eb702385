import 'server-only';
import type Database from 'better-sqlite3';

/** The values the audit screen's filters offer: those that occur in the chain. */
export interface AuditFacets {
  actions: string[];
  entityTypes: string[];
  actors: Array<{ id: string; name: string }>;
  parties: Array<{ id: string; code: string; name: string }>;
}

const byText = (a: string, b: string) => a.localeCompare(b);

/** Every action, entity type, actor and party that occurs in one chain (one pass over its rows). */
export function auditFacets(sqlite: Database.Database, compactId: string | null): AuditFacets {
  const combos = sqlite
    .prepare(
      `SELECT e.action, e.entity_type AS entityType, e.actor_user_id AS actorId, u.name AS actorName,
              e.actor_party_id AS partyId, p.short_code AS partyCode, p.name AS partyName
         FROM (SELECT DISTINCT action, entity_type, actor_user_id, actor_party_id
                 FROM audit_events WHERE compact_id IS ?) e
         LEFT JOIN user u ON u.id = e.actor_user_id
         LEFT JOIN parties p ON p.id = e.actor_party_id`,
    )
    .all(compactId) as Array<{
    action: string;
    entityType: string;
    actorId: string | null;
    actorName: string | null;
    partyId: string | null;
    partyCode: string | null;
    partyName: string | null;
  }>;
  const actors = new Map<string, string>();
  const partiesById = new Map<string, { id: string; code: string; name: string }>();
  for (const row of combos) {
    if (row.actorId !== null) actors.set(row.actorId, row.actorName ?? row.actorId);
    if (row.partyId !== null)
      partiesById.set(row.partyId, {
        id: row.partyId,
        code: row.partyCode ?? row.partyId,
        name: row.partyName ?? row.partyId,
      });
  }
  return {
    actions: [...new Set(combos.map((row) => row.action))].sort(byText),
    entityTypes: [...new Set(combos.map((row) => row.entityType))].sort(byText),
    actors: [...actors].map(([id, name]) => ({ id, name })).sort((a, b) => byText(a.name, b.name)),
    parties: [...partiesById.values()].sort((a, b) => byText(a.code, b.code)),
  };
}
