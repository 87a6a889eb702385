import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { CompactMember } from '@/server/policies/compact-member';
import { indicatorPermissions } from '@/server/policies/indicator-policy';
import { progressUpdatePermissions } from '@/server/policies/progress-policy';
import { indicatorSeries, validatedValues } from './indicator-series';
import { headlineOf } from '@/shared/framework/headline';
import { requireIndicator } from './indicators';
import { getFrameworkSettings, listPeriods } from './periods';
import { listProgress } from './progress';
import { targetHistory, targetRows } from './targets';

/**
 * The indicator page: definition, the series (actual, target, baseline, status) and every update,
 * each with what the viewer may do with it (the policies' answers; the page shows nothing else).
 */
export function indicatorDetail(
  db: DbOrTx,
  viewer: CompactMember,
  compactId: string,
  indicatorId: string,
  today = new Date().toISOString().slice(0, 10),
) {
  const indicator = requireIndicator(db, compactId, indicatorId);
  const settings = getFrameworkSettings(db, compactId);
  const periods = listPeriods(db, compactId);
  const series = indicatorSeries(
    indicator,
    periods,
    targetRows(db, [indicatorId]),
    validatedValues(db, compactId, indicatorId),
    { onTrack: settings.onTrackThreshold, atRisk: settings.atRiskThreshold },
    today,
  );
  return {
    indicator,
    can: indicatorPermissions(viewer, indicator),
    periods,
    series,
    /** The same headline as the framework board's (shared/framework/headline.ts). */
    headline: headlineOf(series.map((point) => ({ ...point, target: point.target.value }))),
    targetHistory: targetHistory(db, indicatorId),
    updates: listProgress(db, compactId, indicatorId).map((update) => ({
      ...update,
      can: progressUpdatePermissions(viewer, update),
    })),
    settings,
  };
}
