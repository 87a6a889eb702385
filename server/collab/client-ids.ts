import 'server-only';
import { sameOwner, type ClientOwner } from '../services/doc-clients';

/**
 * Who owns each Yjs client id in one room. Document ids are bound (and stored) at their first
 * stored struct; awareness ids are claimed by the first person who announces them and stay
 * theirs while the room is loaded, so nobody can pre-claim or reuse another person's id —
 * not even between that person's reconnects.
 */
export class RoomClientIds {
  private readonly awarenessOwners = new Map<number, ClientOwner>();

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

  /** Claims an awareness id for `owner`; false when it belongs to someone else. */
  claimAwareness(clientId: number, owner: ClientOwner): boolean {
    if (this.heldByOther(clientId, owner)) return false;
    if (!this.documentOwners.has(clientId)) this.awarenessOwners.set(clientId, owner);
    return true;
  }
}
