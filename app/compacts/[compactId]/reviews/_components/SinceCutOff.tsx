import { useFormatter, useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { dayOf, indicatorValue, type Format } from '@/i18n/format';
import type { MessageKey, Translate } from '@/i18n/types';

type Since = RouterOutputs['reviews']['get']['sinceCutOff'];

/** A rating by its name, else the value with its unit, in the reader's language and format ("12 345,6 km"). */
const shown = (t: Translate, format: Format, value: number | null, rating: string | null, unit: string) => {
  if (rating) return t(`status.${rating}` as MessageKey);
  return value === null ? '—' : indicatorValue(format, value, unit);
};

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
                  <td>{row.atCutOff ? shown(t, format, row.atCutOff.actual, row.atCutOff.rating, row.unit) : '—'}</td>
                  <td>
                    {shown(t, format, row.value, row.rating, row.unit)}
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
