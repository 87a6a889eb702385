import type { MessageKey } from '@/i18n/types';
import type { ConnectionStatus } from './use-collab';

/** The words for each connection state: on the connection badge and in what the live region announces. */
export const CONNECTION_LABELS: Record<ConnectionStatus, MessageKey> = {
  connecting: 'status.connecting',
  connected: 'status.connected',
  reconnecting: 'status.reconnecting',
  offline: 'status.offline',
  'offline-unsynced': 'status.offlineUnsynced',
  'signed-out': 'status.signedOut',
  forbidden: 'status.forbidden',
  'too-many-connections': 'status.tooManyConnections',
  refused: 'status.refused',
  'refused-proposal': 'status.refusedProposal',
  outdated: 'status.outdated',
};
