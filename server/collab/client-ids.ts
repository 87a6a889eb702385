import 'server-only';
import { sameOwner, type ClientOwner } from '../services/doc-clients';

/** Presence-only ids one person (for one party) keeps claimed in a loaded room. */
export const MAX_PRESENCE_CLAIMS_PER_OWNER = 64;

/**
 * Who owns each Yjs client id in one room. Document ids are bound (and stored) at their first
 * stored struct; awareness ids are claimed by the first person who announces them and stay
 * theirs while the room is loaded, so nobody can pre-claim or reuse another person's id —
 * not even between that person's reconnects.
 */
export class RoomClientIds {
  private readonly awarenessOwners = new Map<number, ClientOwner>();
  /** Each owner's presence-only claims, oldest first: bounded, so reconnecting cannot grow the room without end. */
  private readonly claimsByOwner = new Map<string, Set<number>>();

  constructor(private readonly documentOwners: Map<number, ClientOwner>) {}

  get owners(): ReadonlyMap<number, ClientOwner> {
    return this.documentOwners;
  }

  /** Binds ids that an accepted update writes first (stored with that update). */
  bind(clientIds: readonly number[], owner: ClientOwner): void {
    for (const clientId of clientIds) if (!this.documentOwners.has(clientId)) this.documentOwners.set(clientId, owner);
  }

  /** Who holds this id: its document owner, else whoever claimed it in presence. */
  holderOf(clientId: number): ClientOwner | undefined {
    return this.documentOwners.get(clientId) ?? this.awarenessOwners.get(clientId);
  }

  /** Whether someone other than `owner` holds this id (in the document, or in presence). */
  heldByOther(clientId: number, owner: ClientOwner): boolean {
    const holder = this.holderOf(clientId);
    return holder !== undefined && !sameOwner(holder, owner);
  }

  /**
   * Claims an awareness id for `owner`; false when it belongs to someone else. An owner keeps
   * their latest `MAX_PRESENCE_CLAIMS_PER_OWNER` presence-only ids (a browser tab uses one for its life);
   * older ones are released.
   */
  claimAwareness(clientId: number, owner: ClientOwner): boolean {
    if (this.heldByOther(clientId, owner)) return false;
    if (this.documentOwners.has(clientId) || this.awarenessOwners.has(clientId)) return true;
    this.awarenessOwners.set(clientId, owner);
    const key = `${owner.userId}\u0000${owner.partyId}`;
    let claims = this.claimsByOwner.get(key);
    if (!claims) this.claimsByOwner.set(key, (claims = new Set()));
    claims.add(clientId);
    if (claims.size > MAX_PRESENCE_CLAIMS_PER_OWNER) {
      const oldest = claims.values().next().value!;
      claims.delete(oldest);
      this.awarenessOwners.delete(oldest);
    }
    return true;
  }

  /** How many ids are held by presence alone (operations and tests). */
  get awarenessClaims(): number {
    return this.awarenessOwners.size;
  }
}
