'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormatter, useTranslations } from 'next-intl';
import { indicatorValue } from '@/i18n/format';
import { usePageDirection } from '@/app/_lib/use-page-direction';
import { ChartDataTable } from './ChartDataTable';

interface Point {
  label: string;
  actual: number | null;
  target: { value: number | null };
}

/** Actual (validated) against target by period, with the baseline as a reference line. */
export function IndicatorChart({ series, baseline, unit }: { series: Point[]; baseline: number | null; unit: string }) {
  const t = useTranslations();
  const format = useFormatter();
  /** Axis ticks: a percent unit as percents ("42%", "42 %"), other values with the reader's separators. */
  const tick = (value: number) => (unit === '%' ? indicatorValue(format, value, unit) : format.number(value, 'value'));
  /** Tooltip and table text: the value with its unit. */
  const shown = (value: number | null) => (value === null ? '—' : indicatorValue(format, value, unit));
  // Right to left, time runs from right to left and the values' axis stands on the right.
  const rtl = usePageDirection() === 'rtl';
  const data = series.map((p) => ({
    period: p.label,
    actual: p.actual,
    target: p.target.value === null ? null : Math.round(p.target.value * 10) / 10,
  }));
  return (
    <figure className="chart" aria-label={t('indicator.chart')}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 10, right: rtl ? 0 : 20, bottom: 0, left: rtl ? 20 : 0 }}>
          <CartesianGrid stroke="#e5e9ef" />
          <XAxis dataKey="period" fontSize={12} reversed={rtl} />
          <YAxis fontSize={12} orientation={rtl ? 'right' : 'left'} tickFormatter={tick} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? shown(value) : value)} />
          <Legend />
          {baseline !== null && (
            <ReferenceLine
              y={baseline}
              stroke="#8a94a3"
              strokeDasharray="4 4"
              label={{
                value: t('indicator.baseline'),
                fontSize: 11,
                position: rtl ? 'insideTopRight' : 'insideTopLeft',
              }}
            />
          )}
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="target"
            name={t('indicator.target')}
            stroke="#8a5a00"
            strokeDasharray="6 3"
            dot={false}
            connectNulls
          />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="actual"
            name={t('indicator.actual')}
            stroke="#1f4f8f"
            strokeWidth={2}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <ChartDataTable rows={data} baseline={baseline} unit={unit} />
    </figure>
  );
}
