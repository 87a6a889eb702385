import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '../auth/actor';
import type { PresenceUser } from './awareness-identity';
import { partyColour } from './presence-colour';

/**
 * How a person appears to others in a compact's editor (stamped by the server on every presence
 * update): their name and the party they represent in that compact, with the party's colour.
 */
export function presenceIdentity(
  db: DbOrTx,
  actor: Pick<Actor, 'userId' | 'name' | 'email'>,
  membership: { partyId: string; partyName: string; partyShortCode: string },
): PresenceUser {
  return {
    userId: actor.userId,
    name: actor.name,
    partyName: membership.partyName,
    partyShortCode: membership.partyShortCode,
    emailDomain: actor.email.slice(actor.email.lastIndexOf('@') + 1),
    color: partyColour(db, membership.partyId),
  };
}
