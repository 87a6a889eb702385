import { useFormatter, useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { dayOf } from '@/i18n/format';

type Since = RouterOutputs['reviews']['get']['sinceCutOff'];

const shown = (value: number | null, rating: string | null) => rating ?? (value === null ? '—' : String(value));

/** Values validated after the cut-off (live data, listed apart: the snapshot is never rewritten). */
export function SinceCutOff({ since }: { since: Since }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <section className="card" aria-labelledby="review-since">
      <h3 id="review-since">{t('reviews.sinceTitle')}</h3>
      <p className="muted small">{t('reviews.sinceIntro')}</p>
      {since.total === 0 ? (
        <p className="muted small">{t('reviews.sinceNone')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reviews.col.indicator')}</th>
                <th scope="col">{t('reviews.col.period')}</th>
                <th scope="col">{t('reviews.col.atCutOff')}</th>
                <th scope="col">{t('reviews.col.value')}</th>
                <th scope="col">{t('reviews.col.validated')}</th>
              </tr>
            </thead>
            <tbody>
              {since.values.map((row) => (
                <tr key={row.updateId}>
                  <th scope="row">
                    <span className="code">{row.code}</span> {row.title}
                  </th>
                  <td>{row.periodLabel}</td>
                  <td>{row.atCutOff ? shown(row.atCutOff.actual, row.atCutOff.rating) : '—'}</td>
                  <td>
                    {shown(row.value, row.rating)} {row.unit}
                    {row.correction ? <span className="muted small"> ({t('reviews.correction')})</span> : null}
                  </td>
                  <td>
                    {row.decidedAt ? dayOf(format, row.decidedAt) : '—'}
                    {row.decidedBy ? <span className="muted small"> · {row.decidedBy}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {since.total > since.values.length ? (
            <p className="muted small">{t('reviews.sinceMore', { shown: since.values.length, total: since.total })}</p>
          ) : null}
        </div>
      )}
    </section>
  );
}
