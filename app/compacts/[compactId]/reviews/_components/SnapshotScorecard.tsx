import { StatusChip } from '@/app/_components/framework/StatusChip';
import { useFormatter, useTranslations } from 'next-intl';
import { pointText } from './IndicatorStatusChanges';
import { headlineStatus, type IndicatorSnapshot } from '@/shared/reviews/indicator-snapshot';
import { moment, percentOfShare } from '@/i18n/format';

/** Every indicator's headline at the cut-off, as frozen in the cycle's snapshot. */
export function SnapshotScorecard({ snapshot }: { snapshot: IndicatorSnapshot }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <details className="card">
      <summary>{t('reviews.scorecardTitle')}</summary>
      <p className="muted small">
        {t('reviews.scorecardIntro', {
          asOf: moment(format, snapshot.asOf),
          onTrack: percentOfShare(format, snapshot.thresholds.onTrack),
          atRisk: percentOfShare(format, snapshot.thresholds.atRisk),
        })}
      </p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('reviews.col.indicator')}</th>
              <th scope="col">{t('reviews.col.responsible')}</th>
              <th scope="col">{t('reviews.col.latest')}</th>
              <th scope="col">{t('reviews.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.indicators.map((indicator) => (
              <tr key={indicator.id}>
                <th scope="row">
                  <span className="code">{indicator.code}</span> {indicator.title}
                </th>
                <td>{indicator.responsiblePartyName}</td>
                <td>{pointText(t, format, indicator.headline)}</td>
                <td>
                  <StatusChip
                    status={headlineStatus(indicator)}
                    reason={indicator.headline?.reason}
                    share={indicator.headline?.share}
                    lastValidated={indicator.headline?.lastValidated}
                    missedPeriods={indicator.headline?.missedPeriods}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
