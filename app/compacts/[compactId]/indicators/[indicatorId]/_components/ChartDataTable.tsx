'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { indicatorValue } from '@/i18n/format';

export interface ChartRow {
  period: string;
  actual: number | null;
  target: number | null;
}

/**
 * The chart's points as a table (WCAG 1.1.1: a text alternative with the same data), behind a
 * disclosure so sighted keyboard users can open it too; values with their unit in the reader's format.
 */
export function ChartDataTable({ rows, baseline, unit }: { rows: ChartRow[]; baseline: number | null; unit: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const value = (n: number | null) => (n === null ? t('a11y.chart.none') : indicatorValue(format, n, unit));
  return (
    <details className="chart-data">
      <summary>{t('a11y.chart.showTable')}</summary>
      <div className="table-scroll">
        <table className="table">
          <caption>{t('a11y.chart.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('a11y.chart.period')}</th>
              <th scope="col">{t('indicator.actual')}</th>
              <th scope="col">{t('indicator.target')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.period}>
                <th scope="row">{row.period}</th>
                <td>{value(row.actual)}</td>
                <td>{value(row.target)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {baseline !== null && <p className="small">{t('a11y.chart.baseline', { value: value(baseline) })}</p>}
    </details>
  );
}
