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
  const ids = db.select({ id: parties.id }).from(parties).orderBy(asc(parties.createdAt), asc(parties.id)).all();
  const index = Math.max(
    0,
    ids.findIndex((p) => p.id === partyId),
  );
  return PALETTE[index % PALETTE.length]!;
}
