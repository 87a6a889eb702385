import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { parties } from '@/db/schema/parties';
import type { PartyKind } from '@/shared/enums';
import { recordAuditEvent, type AuditActor } from './audit';
import { DomainError } from './domain-error';
import { newId } from './ids';

const partyColumns = { id: parties.id, name: parties.name, shortCode: parties.shortCode, kind: parties.kind };

export function listParties(db: DbOrTx) {
  return db.select(partyColumns).from(parties).orderBy(asc(parties.name)).all();
}

export interface NewParty {
  name: string;
  shortCode: string;
  kind: PartyKind;
}

/** Adds a party inside the caller's transaction (names and short codes are unique, case-insensitively). */
export function insertParty(tx: DbOrTx, actor: AuditActor, input: NewParty) {
  const taken = listParties(tx).find(
    (p) =>
      p.name.toLowerCase() === input.name.toLowerCase() || p.shortCode.toLowerCase() === input.shortCode.toLowerCase(),
  );
  if (taken)
    throw new DomainError('CONFLICT', { key: 'errors.parties.partyNameShortCode', args: { name: taken.name } });
  const party = { id: newId(), ...input };
  tx.insert(parties)
    .values({ ...party, createdAt: new Date() })
    .run();
  recordAuditEvent(tx, actor, {
    compactId: null,
    action: 'party.created',
    entityType: 'party',
    entityId: party.id,
    after: party,
  });
  return party;
}

export function createParty(db: Db, actor: AuditActor, input: NewParty) {
  return db.transaction((tx) => insertParty(tx, actor, input));
}
