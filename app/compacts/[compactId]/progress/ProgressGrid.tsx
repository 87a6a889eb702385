'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { DeadlineBadge } from '@/app/_components/framework/DeadlineBadge';
import { ProgressForm } from '@/app/_components/framework/ProgressForm';
import { periodNotStartedProblem } from '@/shared/framework/progress-rules';
import { t, type MessageKey } from '@/app/_lib/messages';
import { useTRPC } from '@/app/_lib/trpc';
import { WithdrawSubmission } from './WithdrawSubmission';

/** One grid per period: every indicator the monitor's party reports on, each with its own form. */
export function ProgressGrid({ compactId, periodId }: { compactId: string; periodId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const sheet = useQuery(trpc.progress.periodSheet.queryOptions({ compactId, periodId }));
  if (sheet.error)
    return (
      <main className="page">
        <ErrorAlert error={sheet.error} />
      </main>
    );
  if (!sheet.data)
    return (
      <main className="page">
        <p className="muted">…</p>
      </main>
    );
  const { period, periods, rows, evidenceRequired } = sheet.data;
  const notStarted = periodNotStartedProblem(period);
  return (
    <main className="page wide">
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
          {t('progress.notStarted', { period: period.label, date: period.startsOn })}
        </p>
      )}
      {rows.length === 0 && <p className="muted">{t('progress.nothingToReport')}</p>}
      <div className="progress-grid" role="list">
        {rows.map(({ indicator, latest }) => {
          const open = !notStarted && (!latest || latest.can.edit);
          const form = (
            <ProgressForm
              key={`${periodId}-${latest?.id ?? 'new'}`}
              compactId={compactId}
              indicator={indicator}
              periods={periods}
              periodId={periodId}
              existing={open && latest ? latest : undefined}
              compact
              evidenceRequired={evidenceRequired}
            />
          );
          return (
            <section
              key={indicator.id}
              className="card grid-row"
              role="listitem"
              aria-label={`${indicator.code} ${indicator.title}`}
            >
              <div className="grid-head">
                <Link href={`/compacts/${compactId}/indicators/${indicator.id}`}>
                  <span className="code">{indicator.code}</span> {indicator.title}
                </Link>
                {latest && (
                  <span className={`badge progress-${latest.state}`}>
                    {t(`progress.state.${latest.state}` as MessageKey)}
                  </span>
                )}
                <DeadlineBadge status={sheet.data.deadlines.byIndicator[indicator.id]} label={t('deadline.label')} />
              </div>
              {latest?.state === 'returned' && latest.returnedReason ? (
                <p className="alert small" role="note">
                  {t('progress.returnedBecause', { reason: latest.returnedReason })}
                </p>
              ) : null}
              {open && form}
              {latest?.state === 'submitted' && (
                <div className="copy-row">
                  <p className="muted small">{latest.value ?? latest.rating ?? '—'}</p>
                  {latest.can.withdraw ? (
                    <WithdrawSubmission
                      compactId={compactId}
                      updateId={latest.id}
                      label={`${indicator.code} ${indicator.title}`}
                    />
                  ) : null}
                </div>
              )}
              {latest?.state === 'validated' && (
                <details>
                  <summary>
                    {latest.value ?? latest.rating ?? '—'} · {t('progress.correct')}
                  </summary>
                  {form}
                </details>
              )}
            </section>
          );
        })}
      </div>
    </main>
  );
}
