// The rules a progress value must meet, shared by the server (which enforces them) and the
// progress form (which shows them before anything is sent). Pure: no server imports.
import type { Problem } from '@/i18n/types';
import { reservedKeyProblem } from '../reserved-keys';

export interface ValueRulesIndicator {
  measure: string;
  disaggregation: string[];
}

export interface ValueRulesInput {
  value: number | null;
  rating: string | null;
  disaggregated: Record<string, Record<string, number>>;
}

const TOLERANCE = 1e-9;

/** The longest text of a progress update's free-text fields. */
export const PROGRESS_TEXT_MAX = { narrative: 8000, comment: 2000 } as const;

/** The longest note a validator adds when validating (shown to the monitor, recorded in the audit log). */
export const VALIDATION_NOTE_MAX = 2000;

/** The most updates one bulk validation decides (one short write transaction). */
export const MAX_BULK_VALIDATIONS = 100;

/** Today as an ISO date (UTC), the form period start dates are stored in. */
export const todayIsoDate = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * Actual progress is reported for periods that have started (targets may be set for any period).
 * The problem with reporting for this period today, or null.
 */
export function periodNotStartedProblem(
  period: { label: string; startsOn: string },
  today = todayIsoDate(),
): Problem | null {
  return period.startsOn > today
    ? { key: 'errors.progress.reportingPeriodStartsHas', args: { label: period.label, startsOn: period.startsOn } }
    : null;
}
export const MAX_EVIDENCE_LINKS = 20;
/** The most categories one disaggregation holds (provinces, age groups …): a bound on what one value stores. */
export const MAX_DISAGGREGATION_CATEGORIES = 100;
export const MAX_LINK_CHARS = 2000;

/** Reserved names (`__proto__`, `constructor`, `prototype`) as a dimension or a category. */
export function disaggregationKeyProblem(disaggregated: Record<string, Record<string, number>>): Problem | null {
  for (const dimension of Object.keys(disaggregated)) {
    const problem =
      reservedKeyProblem(dimension, 'disaggregation') ??
      Object.keys(disaggregated[dimension] ?? {})
        .map((c) => reservedKeyProblem(c, 'category'))
        .find(Boolean);
    if (problem) return problem;
  }
  return null;
}

/** What is wrong with a value for this indicator, or null when nothing is. */
export function progressValueProblem(indicator: ValueRulesIndicator, input: ValueRulesInput): Problem | null {
  const found = progressValueProblemAt(indicator, input);
  return found && { key: found.key, args: found.args };
}

/** The same, with the field the problem is in (an import reports it in that column). */
export function progressValueProblemAt(
  indicator: ValueRulesIndicator,
  input: ValueRulesInput,
): (Problem & { field: 'value' | 'rating' | 'disaggregated' }) | null {
  const { value } = input;
  const at = (field: 'value' | 'rating' | 'disaggregated', problem: Problem) => ({ ...problem, field });
  if (indicator.measure === 'qualitative' && value !== null)
    return at('value', { key: 'errors.progress.qualitativeIndicatorTakesRating' });
  if (indicator.measure !== 'qualitative' && input.rating !== null)
    return at('rating', { key: 'errors.progress.onlyQualitativeIndicatorsTake' });
  if (indicator.measure === 'percentage' && value !== null && (value < 0 || value > 100))
    return at('value', { key: 'errors.progress.percentageLiesBetween' });
  const reserved = disaggregationKeyProblem(input.disaggregated);
  if (reserved) return at('disaggregated', reserved);
  for (const [dimension, categories] of Object.entries(input.disaggregated)) {
    if (!indicator.disaggregation.includes(dimension))
      return at('disaggregated', { key: 'errors.progress.notDisaggregationIndicator', args: { dimension } });
    if (Object.keys(categories).length > MAX_DISAGGREGATION_CATEGORIES)
      return at('disaggregated', {
        key: 'errors.progress.disaggregationHoldsMostCategories',
        args: { max: MAX_DISAGGREGATION_CATEGORIES },
      });
    const sum = Object.values(categories).reduce((a, b) => a + b, 0);
    if (value === null) return at('disaggregated', { key: 'errors.progress.valuesByAddUp', args: { dimension, sum } });
    if (Math.abs(sum - value) > TOLERANCE * Math.max(1, Math.abs(value)))
      return at('disaggregated', { key: 'errors.progress.valuesByAddUp2', args: { dimension, sum, value } });
  }
  return null;
}

/** Only web addresses: `javascript:`, `data:` and other schemes are refused. */
export function isHttpLink(link: string): boolean {
  if (link.length > MAX_LINK_CHARS || !URL.canParse(link)) return false;
  const { protocol } = new URL(link);
  return protocol === 'http:' || protocol === 'https:';
}

/** What is wrong with a list of evidence links, or null when nothing is. */
export function evidenceLinksProblem(links: readonly string[]): Problem | null {
  if (links.length > MAX_EVIDENCE_LINKS)
    return { key: 'errors.progress.mostEvidenceLinks', args: { max: MAX_EVIDENCE_LINKS } };
  const bad = links.find((link) => !isHttpLink(link));
  if (bad === undefined) return null;
  const shown = bad.length > 80 ? `${bad.slice(0, 80)}…` : bad;
  return { key: 'errors.progress.notWebLinkEvidence', args: { shown, max: MAX_LINK_CHARS } };
}
