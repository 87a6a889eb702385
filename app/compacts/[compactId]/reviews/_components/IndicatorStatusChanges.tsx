import { StatusChip } from '@/app/_components/framework/StatusChip';
import { useFormatter, useTranslations } from 'next-intl';
import type { Translate } from '@/i18n/types';
import type { Format } from '@/i18n/format';
import type { RouterOutputs } from '@/app/_lib/router-types';

type Change = NonNullable<RouterOutputs['reviews']['get']['statusChanges']>[number];
type Point = Change['before'];

const number = (format: Format, value: number | null) => (value === null ? '—' : format.number(value, 'value'));

/** "2026-Q1: 40 against a target of 100", or that there is no validated value. */
export const pointText = (
  t: Translate,
  format: Format,
  point: Pick<NonNullable<Point>, 'label' | 'actual' | 'target'> | null,
) =>
  point
    ? t('reviews.point', {
        label: point.label,
        actual: number(format, point.actual),
        target: number(format, point.target),
      })
    : t('reviews.noPoint');

/** A headline point with the value and target that explain its status. */
function PointCell({ point, missing }: { point: Point; missing: string | null }) {
  const t = useTranslations();
  const format = useFormatter();
  if (missing) return <td className="muted">{missing}</td>;
  if (!point) return <td className="muted">{pointText(t, format, null)}</td>;
  return (
    <td>
      <StatusChip status={point.status} reason={point.reason} />
      <span className="small block">{pointText(t, format, point)}</span>
    </td>
  );
}

/** The indicators whose headline status moved between the previous cycle's snapshot and this one, and why. */
export function IndicatorStatusChanges({
  previousName,
  changes,
}: {
  previousName: string | null;
  changes: Change[] | null;
}) {
  const t = useTranslations();
  if (changes === null || previousName === null) return <p className="muted">{t('reviews.firstCycle')}</p>;
  if (changes.length === 0) return <p className="muted">{t('reviews.noStatusChanges', { name: previousName })}</p>;
  return (
    <div className="table-scroll card">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('reviews.col.indicator')}</th>
            <th scope="col">{t('reviews.col.before', { name: previousName })}</th>
            <th scope="col">{t('reviews.col.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.indicatorId}>
              <th scope="row">
                <span className="code">{change.code}</span> {change.title}
                {change.unit ? <span className="muted small"> ({change.unit})</span> : null}
              </th>
              <PointCell point={change.before} missing={change.new ? t('reviews.newIndicator') : null} />
              <PointCell point={change.after} missing={change.removed ? t('reviews.removedIndicator') : null} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
