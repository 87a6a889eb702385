'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { RedlineBody } from '../../history/_components/RedlineBody';
import { BaselineSignOffs } from './BaselineSignOffs';
import { ReviewPackLinks } from './ReviewPackLinks';
import { CloseCycleButton } from './CloseCycleButton';
import { Findings } from './Findings';
import { IndicatorStatusChanges } from './IndicatorStatusChanges';
import { SinceCutOff } from './SinceCutOff';
import { SnapshotScorecard } from './SnapshotScorecard';
import { calendarDay, dayOf, moment } from '@/i18n/format';

/**
 * The reviewer's view of a cycle: the text redline since the previous cycle's baseline, indicator
 * status changes since its snapshot, this snapshot's scorecard, what was validated since the
 * cut-off, each party's sign-off against the baseline text, and the findings and questions.
 */
export function ReviewCycleScreen({
  compactId,
  cycleId,
  canRecord,
  canManage,
}: {
  compactId: string;
  cycleId: string;
  canRecord: boolean;
  canManage: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const view = useQuery(trpc.reviews.get.queryOptions({ compactId, cycleId }));
  const back = (
    <p className="breadcrumb">
      <Link href={`/compacts/${compactId}/reviews`}>{t('reviews.back')}</Link>
    </p>
  );
  if (view.isError)
    return (
      <main id="main" className="page">
        {back}
        <p className="alert error">{t('reviews.cycleFailed')}</p>
      </main>
    );
  if (!view.data)
    return (
      <main id="main" className="page">
        {back}
        <p className="muted" role="status">
          {t('reviews.loadingCycle')}
        </p>
      </main>
    );
  const { cycle, baseline, from, redline, snapshot, previousCycle, statusChanges, sinceCutOff } = view.data;
  const textIntro = !from
    ? t('reviews.textSinceEmpty')
    : from.cycleName
      ? t('reviews.textSincePrevious', { name: from.cycleName })
      : t('reviews.textSinceFirst', { number: from.number });
  return (
    <main id="main" className="page wide review-cycle-page">
      {back}
      <h1>{cycle.name}</h1>
      <p className="muted">
        {t('reviews.cycleIntro', {
          cutOff: calendarDay(format, cycle.cutOffDate),
          who: cycle.openedByName ?? '—',
          when: moment(format, cycle.openedAt),
          number: baseline.number,
        })}{' '}
        <Link href={`/compacts/${compactId}/history/${baseline.versionId}`}>{baseline.name}</Link>
        {cycle.closedAt ? <strong> · {t('reviews.closed', { when: dayOf(format, cycle.closedAt) })}</strong> : null}
      </p>
      {canManage && !cycle.closedAt ? (
        <CloseCycleButton compactId={compactId} cycleId={cycleId} name={cycle.name} />
      ) : null}
      <ReviewPackLinks compactId={compactId} cycleId={cycleId} />
      <section aria-labelledby="review-indicators">
        <h2 id="review-indicators">{t('reviews.indicatorsTitle')}</h2>
        <IndicatorStatusChanges previousName={previousCycle?.name ?? null} changes={statusChanges} />
        <SnapshotScorecard snapshot={snapshot} />
        <SinceCutOff since={sinceCutOff} />
      </section>
      <section className="card" aria-labelledby="review-sign-offs">
        <h2 id="review-sign-offs">{t('reviews.signOffs')}</h2>
        <BaselineSignOffs compactId={compactId} contentHash={baseline.contentHash} />
      </section>
      <Findings
        compactId={compactId}
        cycleId={cycleId}
        canRecord={canRecord && !cycle.closedAt}
        indicators={snapshot.indicators}
      />
      <section aria-labelledby="review-text">
        <h2 id="review-text">{t('reviews.textTitle')}</h2>
        <p className="muted">{textIntro}</p>
        <RedlineBody compactId={compactId} redline={redline} />
      </section>
    </main>
  );
}
