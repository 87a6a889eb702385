import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CONNECTION_LABELS as LABELS } from '@/app/_lib/connection-labels';
import type { ConnectionStatus } from '@/app/_lib/use-collab';

/** The connection state in words (the coloured dot is decoration). */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const t = useTranslations();
  return (
    <span
      className={`badge status status-${status}`}
      // Not a live region: the page's one live region (LiveAnnouncer) announces the changes.
      role="group"
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
