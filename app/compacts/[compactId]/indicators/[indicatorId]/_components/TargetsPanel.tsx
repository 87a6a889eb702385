'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { Translate } from '@/i18n/types';
import { TargetTableForm, type TargetTableLine } from './TargetTableForm';
import { dayOf } from '@/i18n/format';

interface Props {
  compactId: string;
  indicatorId: string;
  measure: string;
  periods: { id: string; label: string }[];
  series: { periodId: string; label: string; target: { value: number | null; source: string } }[];
  history: { periodId: string | null; year: number | null; value: number | null; setAt: Date; setBy: string | null }[];
  canEdit: boolean;
}

/** The table's rows: every period (its own target, if set), then every year of the periods (its yearly target). */
function targetLines(t: Translate, series: Props['series'], history: Props['history']): TargetTableLine[] {
  const periodLines = series.map((p): TargetTableLine => ({
    key: p.periodId,
    label: p.label,
    scope: { periodId: p.periodId },
    inForce: { value: p.target.value, interpolated: p.target.source === 'interpolated' },
    own: p.target.source === 'period' ? p.target.value : null,
  }));
  const years = [...new Set(series.map((p) => Number(p.label.slice(0, 4))))].filter(Number.isInteger);
  const yearLines = years.map((year): TargetTableLine => {
    const own = history.filter((h) => h.periodId === null && h.year === year).pop()?.value ?? null;
    return {
      key: `year-${year}`,
      label: t('indicator.yearTarget', { year }),
      scope: { year },
      inForce: { value: own, interpolated: false },
      own,
    };
  });
  return [...periodLines, ...yearLines];
}

export function TargetsPanel({ compactId, indicatorId, measure, periods, series, history, canEdit }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const label = new Map(periods.map((p) => [p.id, p.label]));
  return (
    <section className="card side-card">
      <h2>{t('indicator.targets')}</h2>
      {canEdit ? (
        <TargetTableForm
          compactId={compactId}
          indicatorId={indicatorId}
          measure={measure}
          lines={targetLines(t, series, history)}
        />
      ) : (
        <table className="table small">
          <tbody>
            {series.map((p) => (
              <tr key={p.periodId}>
                <td>{p.label}</td>
                <td>
                  {p.target.value === null ? '—' : format.number(Math.round(p.target.value * 10) / 10, 'value')}
                  {p.target.source === 'interpolated' && (
                    <span className="muted"> ({t('indicator.interpolated')})</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history.length > 0 && (
        <>
          <h3>{t('indicator.targetHistory')}</h3>
          <ul className="plain small">
            {history.map((h, i) => (
              <li key={i}>
                {h.periodId ? label.get(h.periodId) : h.year}: {h.value ?? '—'} · {h.setBy ?? ''} ·{' '}
                {dayOf(format, h.setAt)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
