import 'server-only';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { DbOrTx } from '@/db/client';
import type { ClientOwner } from '../services/doc-clients';
import { clientIdsWritten, loadClientOwners } from '../services/doc-clients';
import { loadDoc } from '../services/document-store';
import { RoomClientIds } from './client-ids';
import type { CloseReason } from '@/shared/collab/close-codes';
import { CLOSE } from '@/shared/collab/close-codes';
import { compactDocumentRules } from './document-rules';
import { awarenessFrame, syncStep2Frame, updateFrame } from './protocol';
import { SyncAnswers } from './sync-answers';
import { checkUpdate } from './update-check';
import type { PendingUpdate, UpdateBatcher, UpdateSink } from './update-batcher';
import { combinedChange } from './judged-change';
import { judgePartyEffects } from './party-rules';
import { holdsProposals } from './text-attribution';

/** Something a room can send frames to: one client connection. */
export interface RoomPeer {
  send(frame: Uint8Array): void;
  close(reason: CloseReason): void;
  /** Told the row id once its update is committed (server writes wait for it). */
  stored?(updateId: number): void;
  readonly owner: ClientOwner;
  /** Presence ids this peer has spoken for, withdrawn ones included: their states and clocks go when it leaves. */
  readonly awarenessClientIds: Set<number>;
  /** A write the server built itself (already authorised by the policy): the party rules do not apply. */
  readonly trusted?: boolean;
}

/** What a room tells the collaboration server about negotiation (see party-rules.ts). */
export interface RoomEvents {
  /** The room's copy is ahead of the disk or could not be trusted: drop it, reload on next use. */
  broken(room: Room): void;
  /** An update was refused by the party rules (the sender is closed, the room reloaded). */
  proposalRefused(room: Room, author: ClientOwner, detail: string): void;
  /** An update after which the text's provisions may need the server's repair is stored. */
  repairDue(room: Room): void;
}

export const CHECKPOINT_EVERY_UPDATES = 500;

const intersect = (ids: readonly number[], written: readonly number[]) => ids.filter((id) => written.includes(id));

/**
 * One loaded compact document: its Yjs state, awareness and connected peers.
 * An update is checked, integrated into the server's copy, stored, and only then forwarded:
 * every update anyone else receives is on disk, and nothing the server could not integrate
 * is stored or forwarded. No sync is answered while an integrated update is not yet stored.
 */
export class Room implements UpdateSink {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly peers = new Set<RoomPeer>();
  readonly clientIds: RoomClientIds;
  private readonly answers: SyncAnswers;
  private lastUpdateId: number;
  private updatesSinceCheckpoint: number;
  /** Integrated updates not yet on disk. */
  private unstored = 0;
  private waitingSyncs: { peer: RoomPeer; stateVector: Uint8Array }[] = [];
  /** What the last applyUpdate actually changed (Yjs's update event), or null when nothing. */
  private integrated: Uint8Array | null = null;
  /** How many transactions the last applyUpdate ran: more than one means Yjs cleaned up formatting after it. */
  private integratedTransactions = 0;
  private broken = false;
  /** The text holds brackets or options: every update's effect on them is judged (else only updates that write them). */
  private holdsProposals: boolean;

  constructor(
    db: DbOrTx,
    sqlite: SqliteDatabase,
    private readonly batcher: UpdateBatcher,
    readonly compactId: string,
    private readonly events: RoomEvents,
  ) {
    const stored = loadDoc(db, compactId);
    this.doc = stored.doc;
    this.lastUpdateId = stored.lastUpdateId;
    this.updatesSinceCheckpoint = stored.updatesSinceCheckpoint;
    this.answers = new SyncAnswers(this.doc, stored.fullState);
    this.clientIds = new RoomClientIds(loadClientOwners(sqlite, compactId));
    this.holdsProposals = holdsProposals(this.doc);
    this.doc.on('update', this.onDocUpdate);
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Checks and integrates one client update, then queues it for storage; it is forwarded once committed. */
  receiveUpdate(from: RoomPeer, update: Uint8Array): 'queued' | 'nothing-new' | 'refused' {
    if (this.broken) return 'refused';
    const verdict = checkUpdate(this.doc, update, from.owner, this.clientIds, compactDocumentRules());
    if (!verdict.ok) {
      from.close(verdict.refusal);
      return 'refused';
    }
    const judged = !from.trusted && (verdict.touchesNegotiation || this.holdsProposals);
    // The update's own transaction and the formatting clean-up Yjs runs after it: judged as one.
    const transactions: Y.Transaction[] = [];
    const capture = (tr: Y.Transaction) => transactions.push(tr);
    this.integrated = null;
    this.integratedTransactions = 0;
    try {
      if (judged) {
        // What the update deletes stays readable until it is judged; nothing is collected meanwhile.
        this.doc.gc = false;
        this.doc.on('afterTransaction', capture);
      }
      Y.applyUpdate(this.doc, update, from);
    } catch (error) {
      this.failed(error); // unexpected after the checks: the copy may be inconsistent, reload it
      return 'refused';
    } finally {
      this.doc.gc = true;
      this.doc.off('afterTransaction', capture);
    }
    const integrated = this.integrated as Uint8Array | null;
    this.integrated = null;
    // A trusted server write changes provisions only through the policy; their ids are still checked.
    let repairDue = from.trusted === true && verdict.touchesNegotiation;
    if (judged && transactions.length > 0) {
      const change = combinedChange(transactions);
      const party = judgePartyEffects(this.doc, change, from.owner);
      if (!party.ok) {
        // Applied but never stored nor forwarded: the sender is refused, the room reloads from disk.
        from.close(CLOSE.proposalRefused);
        this.events.proposalRefused(this, from.owner, party.detail);
        this.failed(null, CLOSE.documentReloaded);
        return 'refused';
      }
      repairDue = party.repairDue;
      // Judged: what it deleted is collected now, as Yjs would have (else the room, its sync answers and checkpoints keep it).
      Y.tryGc(change.deleteSet, this.doc.store, this.doc.gcFilter);
    }
    // Trusted writes too (a restore brings brackets back): from now on, a deletion alone is judged.
    if (verdict.touchesNegotiation) this.holdsProposals = true;
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) {
      // Parts Yjs could not integrate (e.g. references that wait on each other) are discarded:
      // what did integrate is stored and forwarded below; the sender resyncs.
      this.doc.store.pendingStructs = null;
      this.doc.store.pendingDs = null;
      from.close(CLOSE.unknownDependency);
    }
    if (!integrated) return 'nothing-new'; // neither stored nor forwarded
    const newClientIds =
      verdict.newClientIds.length > 0
        ? intersect(verdict.newClientIds, clientIdsWritten(integrated))
        : verdict.newClientIds;
    this.clientIds.bind(newClientIds, from.owner);
    this.unstored++;
    this.answers.invalidate();
    this.batcher.enqueue({
      compactId: this.compactId,
      update: integrated,
      // The server's own formatting clean-up is in it: the sender, which never runs that clean-up for its own edit, needs it too.
      echo: this.integratedTransactions > 1,
      author: from.owner,
      newClientIds,
      from,
      room: this,
      repairDue,
    });
    return 'queued';
  }

  /** The update is committed: forward it to everyone else. */
  stored({ from, update, repairDue, echo }: PendingUpdate, updateId: number): void {
    if (this.broken) return;
    this.unstored--;
    this.lastUpdateId = updateId;
    this.updatesSinceCheckpoint++;
    const frame = updateFrame(update);
    from.stored?.(updateId); // before forwarding: a failure while forwarding cannot hide that it is stored
    for (const peer of this.peers) if (peer !== from || echo) peer.send(frame);
    if (repairDue) this.events.repairDue(this);
    if (this.unstored > 0) return;
    const waiting = this.waitingSyncs;
    this.waitingSyncs = [];
    for (const { peer, stateVector } of waiting) {
      try {
        this.answerSync(peer, stateVector);
      } catch {
        peer.close(CLOSE.malformed);
      }
    }
    if (this.updatesSinceCheckpoint >= CHECKPOINT_EVERY_UPDATES) this.checkpoint();
  }

  /**
   * Integrated updates could not be stored: the server's copy is ahead of the disk. Every peer
   * is closed (they reconnect) and the room is dropped, to be loaded again from what is stored.
   */
  failed(error: unknown, reason: CloseReason = CLOSE.serverError): void {
    if (this.broken) return;
    this.broken = true;
    if (error)
      console.error(`Could not store or integrate an update for compact ${this.compactId}; reloading it:`, error);
    for (const peer of this.peers) peer.close(reason);
    this.events.broken(this);
  }

  get hasUnstoredUpdates(): boolean {
    return this.unstored > 0;
  }

  /** Encoded size of the whole document, as last measured. */
  get documentBytes(): number {
    return this.answers.documentBytes;
  }

  /** Writes the full state when updates were stored since the last checkpoint (and all are stored). */
  checkpoint(): void {
    if (this.broken || this.updatesSinceCheckpoint === 0 || this.unstored > 0) return;
    if (this.batcher.writeCheckpoint(this.compactId, this.answers.fullState(), this.lastUpdateId))
      this.updatesSinceCheckpoint = 0;
  }

  /** Sync step 2 for a peer: what it lacks. Waits while integrated updates are not yet on disk. */
  answerSync(peer: RoomPeer, stateVector: Uint8Array): void {
    if (this.unstored > 0) this.waitingSyncs.push({ peer, stateVector });
    else peer.send(syncStep2Frame(this.answers.missingFrom(stateVector)));
  }

  awarenessSnapshotFrame(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? awarenessFrame(encodeAwarenessUpdate(this.awareness, clients)) : null;
  }

  private onDocUpdate = (update: Uint8Array) => {
    // Yjs may follow a remote update with a formatting clean-up of its own: both are kept.
    this.integrated = this.integrated ? Y.mergeUpdates([this.integrated, update]) : update;
    this.integratedTransactions++;
  };

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const peer = this.peers.has(origin as RoomPeer) ? (origin as RoomPeer) : null;
    // A withdrawn id stays listed (a connection speaks for at most a few): its clock is forgotten when the peer leaves.
    if (peer) for (const id of added) peer.awarenessClientIds.add(id);
    const changed = [...added, ...updated, ...removed];
    const frame = awarenessFrame(encodeAwarenessUpdate(this.awareness, changed));
    for (const p of this.peers) p.send(frame);
  };

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
