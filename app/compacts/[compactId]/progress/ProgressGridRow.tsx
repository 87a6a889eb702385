'use client';

import Link from 'next/link';
import { DeadlineBadge } from '@/app/_components/framework/DeadlineBadge';
import { ProgressForm } from '@/app/_components/framework/ProgressForm';
import { ReportingContextLine } from '@/app/_components/framework/ReportingContextLine';
import { UpdateDetails } from '@/app/_components/framework/UpdateDetails';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { WithdrawSubmission } from './WithdrawSubmission';
import { moment } from '@/i18n/format';

type Sheet = RouterOutputs['progress']['periodSheet'];
type Row = Sheet['rows'][number];

/**
 * One indicator of the grid: its target and previous validated value, then — by the state of its
 * latest update — the form (new, draft, returned with the validator's reason), what was submitted
 * (with Withdraw), or what was validated (with the validator's note, and a correction form).
 */
export function ProgressGridRow({
  compactId,
  sheet,
  row,
  notStarted,
}: {
  compactId: string;
  sheet: Pick<Sheet, 'period' | 'periods' | 'evidenceRequired' | 'deadlines'>;
  row: Row;
  notStarted: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const { indicator, latest } = row;
  const label = `${indicator.code} ${indicator.title}`;
  const open = !notStarted && (!latest || latest.can.edit);
  const form = (
    <ProgressForm
      key={`${sheet.period.id}-${latest?.id ?? 'new'}`}
      compactId={compactId}
      indicator={indicator}
      periods={sheet.periods}
      periodId={sheet.period.id}
      existing={open && latest ? latest : undefined}
      compact
      evidenceRequired={sheet.evidenceRequired}
    />
  );
  return (
    <section className="card grid-row" role="listitem" aria-label={label}>
      <div className="grid-head">
        <Link href={`/compacts/${compactId}/indicators/${indicator.id}`}>
          <span className="code">{indicator.code}</span> {indicator.title}
        </Link>
        {latest && (
          <span className={`badge progress-${latest.state}`}>{t(`progress.state.${latest.state}` as MessageKey)}</span>
        )}
        <DeadlineBadge status={sheet.deadlines.byIndicator[indicator.id]} label={t('deadline.label')} />
      </div>
      <ReportingContextLine indicator={indicator} periodLabel={sheet.period.label} context={row} />
      {latest?.state === 'returned' && latest.returnedReason ? (
        <p className="alert small" role="note">
          {t('progress.returnedBecause', { reason: latest.returnedReason })}
        </p>
      ) : null}
      {open && form}
      {latest?.state === 'submitted' && (
        <>
          <p className="muted small">
            {t('progress.submittedFor', {
              when: latest.submittedAt ? moment(format, latest.submittedAt) : '',
              name: latest.submittedByName ?? '',
            })}
          </p>
          <UpdateDetails compactId={compactId} indicator={indicator} update={latest} />
          {latest.can.withdraw ? <WithdrawSubmission compactId={compactId} updateId={latest.id} label={label} /> : null}
        </>
      )}
      {latest?.state === 'validated' && (
        <>
          <p className="muted small">
            {t('progress.validatedFor', {
              when: latest.decidedAt ? moment(format, latest.decidedAt) : '',
              name: latest.decidedByName ?? '',
            })}
          </p>
          <UpdateDetails compactId={compactId} indicator={indicator} update={latest} />
          <details>
            <summary>{t('progress.correct')}</summary>
            {form}
          </details>
        </>
      )}
    </section>
  );
}
