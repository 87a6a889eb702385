import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { IndicatorState } from '@/shared/enums';
import type { IndicatorStatus } from '@/shared/framework/indicator-status';
import { todayIsoDate } from '@/shared/framework/progress-rules';
import { cachedComputation } from './framework-cache';
import { computeFramework } from './framework-view';

export interface ProvisionIndicator {
  id: string;
  code: string;
  title: string;
  state: IndicatorState;
  /** The headline status, as the framework board shows it. */
  status: IndicatorStatus;
}

/**
 * The indicators linked to each provision of a compact's text (retired ones left out), with the
 * status the framework board shows for them: one entry per provision, indicators in code order.
 */
export function indicatorsByProvision(
  db: DbOrTx,
  compactId: string,
  today = todayIsoDate(),
): { provisionId: string; indicators: ProvisionIndicator[] }[] {
  const { indicators } = cachedComputation(db, compactId, today, () => computeFramework(db, compactId, today));
  const byProvision = new Map<string, ProvisionIndicator[]>();
  for (const indicator of indicators) {
    if (!indicator.provisionId || indicator.state === 'retired') continue;
    const linked = byProvision.get(indicator.provisionId) ?? [];
    byProvision.set(indicator.provisionId, linked);
    linked.push({
      id: indicator.id,
      code: indicator.code,
      title: indicator.title,
      state: indicator.state,
      status: indicator.headline?.status ?? 'no-data',
    });
  }
  return [...byProvision].map(([provisionId, linked]) => ({ provisionId, indicators: linked }));
}
