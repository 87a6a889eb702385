import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { IndicatorSnapshot } from '@/shared/reviews/indicator-snapshot';
import { computeFramework } from './framework-view';

/**
 * The framework as it stood at an instant (a review cycle's cut-off): computeFramework over only
 * the rows that existed by `asOf` — indicators created, targets set (the newest per period then)
 * and values validated by then — with "today" = the cut-off date, so every status comes from the
 * framework's own rule, and the status thresholds then in force (read back from the audit log).
 * Indicator definitions are as stored now. Returns the frozen form a cycle stores.
 */
export function computeFrameworkAsOf(db: DbOrTx, compactId: string, cutOff: string, asOf: Date): IndicatorSnapshot {
  const framework = computeFramework(db, compactId, cutOff, asOf);
  return {
    cutOff,
    asOf: asOf.toISOString(),
    thresholds: { onTrack: framework.settings.onTrackThreshold, atRisk: framework.settings.atRiskThreshold },
    indicators: framework.indicators.map((indicator) => ({
      id: indicator.id,
      code: indicator.code,
      title: indicator.title,
      unit: indicator.unit,
      state: indicator.state,
      responsiblePartyId: indicator.responsiblePartyId,
      responsiblePartyName: indicator.responsiblePartyName,
      periods: indicator.series.map((point) => ({
        periodId: point.periodId,
        label: point.label,
        actual: point.actual,
        rating: point.rating,
        target: point.target.value,
        status: point.status,
      })),
      headline: indicator.headline,
    })),
  };
}
