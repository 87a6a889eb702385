import { StatusChip } from '@/app/_components/framework/StatusChip';
import { useTranslations } from 'next-intl';
import { pointText } from './IndicatorStatusChanges';
import { headlineStatus, type IndicatorSnapshot } from '@/shared/reviews/indicator-snapshot';

/** Every indicator's headline at the cut-off, as frozen in the cycle's snapshot. */
export function SnapshotScorecard({ snapshot }: { snapshot: IndicatorSnapshot }) {
  const t = useTranslations();
  return (
    <details className="card">
      <summary>{t('reviews.scorecardTitle')}</summary>
      <p className="muted small">
        {t('reviews.scorecardIntro', {
          asOf: new Date(snapshot.asOf).toLocaleString(),
          onTrack: Math.round(snapshot.thresholds.onTrack * 100),
          atRisk: Math.round(snapshot.thresholds.atRisk * 100),
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
                <td>{pointText(t, indicator.headline)}</td>
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
