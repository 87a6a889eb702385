'use client';

import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE } from '@/shared/collab/close-codes';
import { EDITOR_SCHEMA_VERSION } from '@/shared/editor/extensions';
import { firstSyncWatchdog } from './first-sync-watchdog';
import { groupPresence, samePresence, type PresenceEntry } from './presence-groups';

export type ConnectionStatus =
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'offline'
  | 'offline-unsynced'
  | 'signed-out'
  | 'forbidden'
  | 'too-many-connections'
  | 'refused'
  | 'refused-proposal'
  | 'outdated';

/** Close codes after which this tab stops, and what it then shows. */
const TERMINAL_CLOSES = new Map<number, ConnectionStatus>([
  [CLOSE.unauthenticated.code, 'signed-out'],
  [CLOSE.forbidden.code, 'forbidden'],
  [CLOSE.tooManyRequests.code, 'too-many-connections'],
  [CLOSE.outsideSchema.code, 'refused'],
  [CLOSE.tooLarge.code, 'refused'],
  [CLOSE.malformed.code, 'refused'],
  [CLOSE.outdatedEditor.code, 'outdated'],
  // y-websocket would send the refused change again on every reconnect: this tab stops here.
  [CLOSE.proposalRefused.code, 'refused-proposal'],
]);

/** How long an open socket may first go without the server's first sync before it is closed and opened again (doubling after each). */
const FIRST_SYNC_TIMEOUT_MS = 10_000;

export interface PresencePerson {
  userId: string;
  name: string;
  partyName: string;
  partyShortCode: string;
  /** The domain of the person's e-mail, shown beside the name so look-alike names stand out. */
  emailDomain?: string;
  color: string;
}

export interface Collab {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** The Yjs document of one compact, synced with the collaboration server on this origin. */
export function useCollab(compactId: string) {
  const [collab, setCollab] = useState<Collab | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [synced, setSynced] = useState(false);
  const [people, setPeople] = useState<PresenceEntry[]>([]);
  /** A new editing session (a fresh Y.Doc with a new client id) when the server says ours is taken. */
  const [session, setSession] = useState(0);
  /** How many times the compact was archived or restored while open (the page then reloads its permissions). */
  const [archiveChanges, setArchiveChanges] = useState(0);

  useEffect(() => {
    const doc = new Y.Doc();
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const provider = new WebsocketProvider(`${scheme}://${window.location.host}/collab`, compactId, doc, {
      maxBackoffTime: 5000,
      params: { schema: String(EDITOR_SCHEMA_VERSION) },
      disableBc: true,
    });
    let everConnected = false;
    let unsynced = false;
    let terminal: ConnectionStatus | null = null;
    const watchdog = firstSyncWatchdog(() => {
      console.warn('The collaboration server did not answer the first sync: reconnecting.');
      provider.ws?.close();
    }, FIRST_SYNC_TIMEOUT_MS);

    const refresh = () => {
      if (terminal) return setStatus(terminal);
      if (provider.wsconnected && provider.synced) return setStatus('connected');
      if (unsynced) return setStatus('offline-unsynced');
      if (!navigator.onLine) return setStatus('offline');
      setStatus(everConnected ? 'reconnecting' : 'connecting');
    };
    const onStatus = ({ status: s }: { status: string }) => {
      if (s === 'connected') {
        everConnected = true;
        if (!provider.synced) watchdog.opened();
      } else watchdog.stopped();
      refresh();
    };
    const onSync = (isSynced: boolean) => {
      if (isSynced) {
        unsynced = false;
        watchdog.synced();
      }
      setSynced((was) => was || isSynced);
      refresh();
    };
    const onClose = (event: CloseEvent | null) => {
      // Yjs picks client ids at random: in the rare case ours is already someone else's, start afresh.
      if (event?.code === CLOSE.clientIdTaken.code) return setSession((n) => n + 1);
      // Archived or restored while open: the socket reconnects with its new access.
      if (event?.code === CLOSE.archiveChanged.code) setArchiveChanges((n) => n + 1);
      terminal = (event && TERMINAL_CLOSES.get(event.code)) ?? terminal;
      if (terminal) provider.shouldConnect = false; // no reconnect: it would repeat what was refused
      refresh();
    };
    const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) return;
      if (!navigator.onLine || !provider.wsconnected || !provider.synced) {
        unsynced = true;
        refresh();
      }
    };
    const onAwareness = () => {
      const me = (provider.awareness.getLocalState() as { user?: PresencePerson } | null)?.user?.userId;
      const next = groupPresence(provider.awareness.getStates().values(), me);
      // Same people (only a caret moved): the same list, so nothing renders again.
      setPeople((was) => (samePresence(was, next) ? was : next));
    };
    // The browser knows it is offline before a half-open socket times out: stop, and start again when back.
    const onOffline = () => {
      provider.disconnect();
      refresh();
    };
    const onOnline = () => {
      provider.connect();
      refresh();
    };
    const hasUnsyncedEdits = () => unsynced || (provider.ws?.bufferedAmount ?? 0) > 0;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsyncedEdits()) return;
      event.preventDefault();
      event.returnValue = '';
    };

    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    provider.awareness.on('change', onAwareness);
    doc.on('update', onLocalUpdate);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    // The document and provider are resources this effect creates and destroys: their handle is published once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCollab({ doc, provider });

    return () => {
      watchdog.stopped();
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.destroy();
      doc.destroy();
      setCollab(null);
    };
  }, [compactId, session]);

  return { collab, status, synced, people, archiveChanges };
}
