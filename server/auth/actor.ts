import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '@/db/client';
import { parties } from '@/db/schema/parties';
import type { PartyKind } from '@/shared/enums';
import { getAuth } from './auth';

/** The signed-in person behind a request, as every permission check sees them. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  partyId: string;
  partyName: string;
  partyShortCode: string;
  partyKind: PartyKind;
  isInstanceAdmin: boolean;
  sessionToken: string;
}

/** Reads the session cookie; null when signed out, expired or deactivated. */
export async function resolveActor(handle: DbHandle, headers: Headers): Promise<Actor | null> {
  const result = await getAuth(handle).api.getSession({ headers });
  if (!result) return null;
  const { user, session } = result;
  if (user.deactivatedAt) return null;
  const [party] = handle.db.select().from(parties).where(eq(parties.id, user.partyId)).all();
  if (!party) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    partyId: party.id,
    partyName: party.name,
    partyShortCode: party.shortCode,
    partyKind: party.kind,
    isInstanceAdmin: Boolean(user.isInstanceAdmin),
    sessionToken: session.token,
  };
}
