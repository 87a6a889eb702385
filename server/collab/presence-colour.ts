import 'server-only';
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { parties } from '@/db/schema/parties';

/** Caret and presence colours, readable on white and under white label text. */
const PALETTE = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7c3aed',
  '#c2410c',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
  '#a16207',
  '#475569',
];

/** One colour per party, by the order parties were created, so the first ten never share one. */
export function partyColour(db: DbOrTx, partyId: string): string {
  return partyColours(db).get(partyId) ?? PALETTE[0]!;
}

/** The colour of every party (as `partyColour` answers it), in one query. */
export function partyColours(db: DbOrTx): Map<string, string> {
  const ids = db.select({ id: parties.id }).from(parties).orderBy(asc(parties.createdAt), asc(parties.id)).all();
  return new Map(ids.map((p, index) => [p.id, PALETTE[index % PALETTE.length]!]));
}
