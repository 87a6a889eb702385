import type { IndicatorStatus } from '@/shared/framework/indicator-status';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { percentOfShare } from '@/i18n/format';

/** A status with its reason as tooltip and accessible text; for "no data" the reason (no target, nothing validated…) is shown. */
export function StatusChip({
  status,
  reason,
  share,
  lastValidated,
  missedPeriods,
}: {
  status: IndicatorStatus;
  reason?: string;
  share?: number | null;
  /** For an overdue headline: the period of the newest validated value, and how many periods since lack one. */
  lastValidated?: string;
  missedPeriods?: number;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const why = reason
    ? t(`reason.${reason}` as MessageKey, {
        share: share === undefined || share === null ? '' : percentOfShare(format, share),
        last: lastValidated ?? '',
        missed: missedPeriods ?? 0,
      })
    : '';
  return (
    <>
      <span className={`chip chip-${status}`} title={why}>
        {t(`status.${status}` as MessageKey)}
        {why && status !== 'no-data' && <span className="sr-only"> — {why}</span>}
      </span>
      {why && status === 'no-data' && <span className="muted small block">{why}</span>}
    </>
  );
}
