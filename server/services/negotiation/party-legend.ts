import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships } from '@/db/schema/compacts';
import { partyColours } from '@/server/collab/presence-colour';
import { listParties } from '../parties';

export interface LegendParty {
  id: string;
  name: string;
  shortCode: string;
  /** The colour its members' carets have, also used for its brackets and options. */
  colour: string;
  /** Whether someone represents it in this compact (others may still be named on older brackets). */
  hasMember: boolean;
}

/**
 * Every party with its short code and colour, for labelling brackets and options in a compact's
 * text. All parties are listed (any signed-in person may list them), since text can carry a bracket
 * by a party whose last member has left; `hasMember` tells the legend which to show first.
 */
export function partyLegend(db: DbOrTx, compactId: string): LegendParty[] {
  const colours = partyColours(db);
  const represented = new Set(
    db
      .selectDistinct({ partyId: memberships.partyId })
      .from(memberships)
      .where(eq(memberships.compactId, compactId))
      .all()
      .map((row) => row.partyId),
  );
  return listParties(db).map((party) => ({
    id: party.id,
    name: party.name,
    shortCode: party.shortCode,
    colour: colours.get(party.id)!,
    hasMember: represented.has(party.id),
  }));
}
