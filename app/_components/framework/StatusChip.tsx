import { t, type MessageKey } from '../../_lib/messages';

export type Status = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

/** A status with its reason as the accessible description (and tooltip). */
export function StatusChip({ status, reason, share }: { status: Status; reason?: string; share?: number | null }) {
  const why = reason ? t(`reason.${reason}` as MessageKey, { share: share === undefined || share === null ? '' : `${Math.round(share * 100)} %` }) : '';
  return (
    <span className={`chip chip-${status}`} title={why}>
      {t(`status.${status}` as MessageKey)}
      {why && <span className="sr-only"> — {why}</span>}
    </span>
  );
}
