import 'server-only';
import type { DbHandle } from '@/db/client';
import { getAuth } from './auth';

/**
 * The signed-in person behind a request: the account only. The party a person represents
 * belongs to each of their memberships (see `findMembership` and server/policies/compact-member.ts).
 */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  isInstanceAdmin: boolean;
  sessionToken: string;
}

/** Reads the session cookie; null when signed out, expired or deactivated. */
export async function resolveActor(handle: DbHandle, headers: Headers): Promise<Actor | null> {
  const result = await getAuth(handle).api.getSession({ headers });
  if (!result) return null;
  const { user, session } = result;
  if (user.deactivatedAt) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isInstanceAdmin: Boolean(user.isInstanceAdmin),
    sessionToken: session.token,
  };
}
