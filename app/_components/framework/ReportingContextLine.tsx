import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { reportedValue, type UpdateDetailsIndicator } from './UpdateDetails';

export interface ReportingContextData {
  target: { value: number | null; source: 'period' | 'year' | 'interpolated' | 'none' };
  previousValidated: { label: string; value: number | null; rating: string | null } | null;
}

/** A target as shown: interpolated ones can fall between whole numbers, so one decimal at most. */
const shownTarget = (value: number) => Math.round(value * 10) / 10;

/** The period's target (saying when it is interpolated) and the previous validated value, with its period. */
export function ReportingContextLine({
  indicator,
  periodLabel,
  context,
}: {
  indicator: Pick<UpdateDetailsIndicator, 'measure' | 'unit'>;
  periodLabel: string;
  context: ReportingContextData;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const { target, previousValidated } = context;
  const previous = previousValidated
    ? indicator.measure === 'qualitative'
      ? t(`status.${previousValidated.rating ?? 'no-data'}` as MessageKey)
      : reportedValue(format, indicator, previousValidated.value)
    : null;
  return (
    <p className="muted small reporting-context">
      <span>
        {target.value === null
          ? t('progress.noTarget', { period: periodLabel })
          : t('progress.targetFor', {
              period: periodLabel,
              value: reportedValue(format, indicator, shownTarget(target.value)),
            })}
        {target.source === 'interpolated' && ` ${t('progress.targetInterpolated')}`}
        {target.source === 'year' && ` ${t('progress.targetOfYear')}`}
      </span>
      <span>
        {previousValidated && previous !== null
          ? t('progress.previousValidated', { value: previous, period: previousValidated.label })
          : t('progress.noPreviousValidated')}
      </span>
    </p>
  );
}
