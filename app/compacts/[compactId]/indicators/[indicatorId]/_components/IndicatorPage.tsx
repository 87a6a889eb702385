'use client';

import { periodNotStartedProblem } from '@/shared/framework/progress-rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { ProgressForm } from '@/app/_components/framework/ProgressForm';
import { StatusChip } from '@/app/_components/framework/StatusChip';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { ProvisionLink } from './ProvisionLink';
import { IndicatorChart } from './IndicatorChart';
import { TargetsPanel } from './TargetsPanel';
import { UpdateHistory } from './UpdateHistory';

/** One indicator; every action shown is one the server's policies allow this viewer (`detail.can`). */
export function IndicatorPage({ compactId, indicatorId }: { compactId: string; indicatorId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.indicators.detail.queryOptions({ compactId, indicatorId }));
  const refresh = () => queryClient.invalidateQueries();
  const retire = useMutation(trpc.indicators.retire.mutationOptions({ onSuccess: refresh }));
  const accept = useMutation(trpc.indicators.accept.mutationOptions({ onSuccess: refresh }));
  if (detail.error)
    return (
      <main id="main" className="page">
        <ErrorAlert error={detail.error} />
      </main>
    );
  if (!detail.data)
    return (
      <main id="main" className="page">
        <p className="muted">…</p>
      </main>
    );
  const { indicator, can, series, periods, updates, targetHistory, headline } = detail.data;
  // The latest period that has started (none before the calendar begins: then there is nothing to report yet).
  const currentPeriod = [...periods].reverse().find((p) => !periodNotStartedProblem(p));

  return (
    <main id="main" className="page wide">
      <p className="breadcrumb">
        <Link href={`/compacts/${compactId}/framework`}>{t('framework.title')}</Link>
      </p>
      <div className="page-head">
        <h1>
          <span className="code">{indicator.code}</span> {indicator.title}
        </h1>
        <div className="title-badges">
          <span className="badge">{t(`indicator.state.${indicator.state}` as MessageKey)}</span>
          <StatusChip
            status={headline?.status ?? 'no-data'}
            reason={headline?.reason ?? 'not-due-yet'}
            share={headline?.share}
            lastValidated={headline?.lastValidated}
            missedPeriods={headline?.missedPeriods}
          />
        </div>
      </div>
      {(can.edit || can.accept || can.retire) && (
        <div className="member-controls">
          {can.edit && (
            <Link className="button secondary small" href={`/compacts/${compactId}/indicators/${indicatorId}/edit`}>
              {t('indicator.edit')}
            </Link>
          )}
          {can.accept && (
            <button
              type="button"
              className="button primary small"
              onClick={() => accept.mutate({ compactId, indicatorId })}
            >
              {t('indicator.accept')}
            </button>
          )}
          {can.retire && (
            <button
              type="button"
              className="button danger small"
              onClick={() => retire.mutate({ compactId, indicatorId })}
            >
              {t('indicator.retire')}
            </button>
          )}
          <ErrorAlert error={retire.error ?? accept.error} />
        </div>
      )}
      <div className="indicator-layout">
        <section className="card">
          <h2>{t('indicator.chart')}</h2>
          {indicator.measure === 'qualitative' ? (
            <ol className="rating-trail">
              {series.map((p) => (
                <li key={p.periodId}>
                  <span className="muted small">{p.label}</span> <StatusChip status={p.status} reason={p.reason} />
                </li>
              ))}
            </ol>
          ) : (
            <IndicatorChart series={series} baseline={indicator.baselineValue} unit={indicator.unit} />
          )}
          <h2>{t('indicator.history')}</h2>
          <UpdateHistory
            compactId={compactId}
            indicator={indicator}
            periods={periods}
            updates={updates}
            evidenceRequired={detail.data.settings.requireEvidence}
          />
        </section>
        <aside className="framework-side">
          <section className="card side-card">
            <h2>{t('indicator.definition')}</h2>
            <dl className="definition">
              <dt>{t('framework.level')}</dt>
              <dd>{t(`level.${indicator.level}` as MessageKey)}</dd>
              <dt>{t('indicator.measure')}</dt>
              <dd>
                {t(`measure.${indicator.measure}` as MessageKey)}
                {indicator.unit && ` (${indicator.unit})`}
              </dd>
              <dt>{t('indicator.direction')}</dt>
              <dd>{t(`direction.${indicator.direction}` as MessageKey)}</dd>
              <dt>{t('indicator.aggregation')}</dt>
              <dd>{t(`aggregation.${indicator.aggregation}` as MessageKey)}</dd>
              <dt>{t('indicator.baseline')}</dt>
              <dd>
                {indicator.baselineValue === null
                  ? t('indicator.tbd')
                  : `${indicator.baselineValue} (${indicator.baselineDate ?? '—'})`}
              </dd>
              <dt>{t('indicator.frequency')}</dt>
              <dd>{t(`frequency.${indicator.reportingFrequency}` as MessageKey)}</dd>
              <dt>{t('indicator.meansOfVerification')}</dt>
              <dd>{indicator.meansOfVerification || '—'}</dd>
              <dt>{t('indicator.disaggregation')}</dt>
              <dd>{format.list(indicator.disaggregation, { type: 'unit' }) || '—'}</dd>
              <dt>{t('indicator.section')}</dt>
              <dd>{indicator.sectionRef || '—'}</dd>
              <dt>{t('indicator.provision')}</dt>
              <dd>
                <ProvisionLink compactId={compactId} provisionId={indicator.provisionId} />
              </dd>
            </dl>
          </section>
          {can.reportProgress && currentPeriod && (
            <section className="card side-card">
              <h2>{t('nav.progress')}</h2>
              <ProgressForm
                compactId={compactId}
                indicator={indicator}
                periods={periods}
                periodId={currentPeriod.id}
                evidenceRequired={detail.data.settings.requireEvidence}
              />
            </section>
          )}
          {indicator.measure !== 'qualitative' && (
            <TargetsPanel
              compactId={compactId}
              indicatorId={indicatorId}
              measure={indicator.measure}
              periods={periods}
              series={series}
              history={targetHistory}
              canEdit={can.setTargets}
            />
          )}
        </aside>
      </div>
    </main>
  );
}
