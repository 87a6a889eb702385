import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '../auth/actor';
import type { PresenceUser } from './awareness-identity';
import { partyColour } from './presence-colour';

/** How a person appears to others in a compact's editor (stamped by the server on every presence update). */
export function presenceIdentity(db: DbOrTx, actor: Omit<Actor, 'sessionToken'>): PresenceUser {
  return {
    userId: actor.userId,
    name: actor.name,
    partyName: actor.partyName,
    partyShortCode: actor.partyShortCode,
    emailDomain: actor.email.slice(actor.email.lastIndexOf('@') + 1),
    color: partyColour(db, actor.partyId),
  };
}
