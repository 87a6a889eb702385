import { useFormatter } from 'next-intl';
import { indicatorValue } from '@/i18n/format';

/**
 * A tiny trend line of validated values (gaps where nothing is validated). Its title and
 * accessible name list the values in the reader's number format ("42%", "42 %").
 */
export function Sparkline({ values, label, unit }: { values: (number | null)[]; label: string; unit?: string }) {
  const format = useFormatter();
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return <span className="muted small">—</span>;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const width = 90;
  const height = 24;
  const x = (i: number) => (values.length === 1 ? 0 : (i / (values.length - 1)) * width);
  const y = (v: number) => (max === min ? height / 2 : height - 2 - ((v - min) / (max - min)) * (height - 4));
  const text = `${label}: ${format.list(
    values.map((v) => (v === null ? '—' : indicatorValue(format, v, unit))),
    { type: 'unit', style: 'narrow' },
  )}`;
  const path = values
    .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .reduce<string[]>((segments, point, i) => {
      if (point === null) return segments;
      const previous = values[i - 1];
      segments.push(`${i === 0 || previous === null || previous === undefined ? 'M' : 'L'}${point}`);
      return segments;
    }, [])
    .join(' ');
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={text}
    >
      <title>{text}</title>
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
