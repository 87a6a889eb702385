'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { DeadlineBadge } from '@/app/_components/framework/DeadlineBadge';
import { periodNotStartedProblem } from '@/shared/framework/progress-rules';
import { useFormatter, useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { ProgressGridRow } from './ProgressGridRow';
import { calendarDay } from '@/i18n/format';

/** One grid per period: every indicator the monitor's party reports on, each with its own form. */
export function ProgressGrid({ compactId, periodId }: { compactId: string; periodId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const sheet = useQuery(trpc.progress.periodSheet.queryOptions({ compactId, periodId }));
  if (sheet.error)
    return (
      <main id="main" className="page">
        <ErrorAlert error={sheet.error} />
      </main>
    );
  if (!sheet.data)
    return (
      <main id="main" className="page">
        <p className="muted">…</p>
      </main>
    );
  const { period, periods, rows } = sheet.data;
  const notStarted = periodNotStartedProblem(period);
  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('progress.gridTitle', { period: period.label })}</h1>
        <label className="check">
          {t('progress.period')}
          <select
            value={periodId}
            onChange={(e) => router.push(`/compacts/${compactId}/progress?period=${e.target.value}`)}
          >
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DeadlineBadge status={sheet.data.deadlines.period} label={t('deadline.periodLabel', { period: period.label })} />
      <p className="muted small">{t('progress.gridHint')}</p>
      {notStarted && (
        <p className="muted" role="status">
          {t('progress.notStarted', { period: period.label, date: calendarDay(format, period.startsOn) })}
        </p>
      )}
      {rows.length === 0 && <p className="muted">{t('progress.nothingToReport')}</p>}
      <div className="progress-grid" role="list">
        {rows.map((row) => (
          <ProgressGridRow
            key={row.indicator.id}
            compactId={compactId}
            sheet={sheet.data}
            row={row}
            notStarted={Boolean(notStarted)}
          />
        ))}
      </div>
    </main>
  );
}
