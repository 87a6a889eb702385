import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import type { ConnectionStatus } from '@/app/_lib/use-collab';

const LABELS: Record<ConnectionStatus, MessageKey> = {
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

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const t = useTranslations();
  return (
    <span
      className={`badge status status-${status}`}
      role="status"
      aria-label={`${t('status.label')}: ${t(LABELS[status])}`}
    >
      <span className="dot" aria-hidden="true" />
      {t(LABELS[status])}
      {status === 'signed-out' && (
        <Link href="/" className="badge-link">
          {t('common.signInAgain')}
        </Link>
      )}
    </span>
  );
}
