'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { OpenCycleForm } from './OpenCycleForm';
import { calendarDay, dayOf } from '@/i18n/format';

/** The compact's review cycles, latest cut-off first; administrators may open one. */
export function ReviewList({ compactId, canOpen }: { compactId: string; canOpen: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const cycles = useQuery(trpc.reviews.list.queryOptions({ compactId }));
  return (
    <main id="main" className="page wide reviews-page">
      <h1>{t('reviews.title')}</h1>
      <p className="muted">{t('reviews.intro')}</p>
      {canOpen ? <OpenCycleForm compactId={compactId} /> : null}
      {cycles.isError ? <p className="alert error">{t('reviews.failed')}</p> : null}
      {cycles.isPending ? <p className="muted">{t('reviews.loading')}</p> : null}
      {cycles.data && cycles.data.length === 0 ? <p className="muted">{t('reviews.none')}</p> : null}
      {cycles.data && cycles.data.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reviews.col.name')}</th>
                <th scope="col">{t('reviews.col.cutOff')}</th>
                <th scope="col">{t('reviews.col.opened')}</th>
                <th scope="col">{t('reviews.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {cycles.data.map((cycle) => (
                <tr key={cycle.id}>
                  <td>
                    <Link href={`/compacts/${compactId}/reviews/${cycle.id}`}>{cycle.name}</Link>
                  </td>
                  <td>
                    <time dateTime={cycle.cutOffDate}>{calendarDay(format, cycle.cutOffDate)}</time>
                  </td>
                  <td>
                    {dayOf(format, cycle.openedAt)}
                    {cycle.openedByName ? <span className="muted small"> · {cycle.openedByName}</span> : null}
                  </td>
                  <td>
                    {cycle.closedAt ? t('reviews.closed', { when: dayOf(format, cycle.closedAt) }) : t('reviews.open')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </main>
  );
}
