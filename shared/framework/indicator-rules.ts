// The rules an indicator definition and its targets meet, written once: the indicator writer
// enforces them (for the form, the API and CSV imports alike), the API schema and the CSV import
// check them early for a precise message, and the indicator form shows them. Pure: no server imports.
import type { Problem } from '@/i18n/types';
import { reservedKeyProblem } from '../reserved-keys';
import { textLengthProblems } from '../text-limits';

export const INDICATOR_CODE_MAX_LENGTH = 32;
/**
 * An indicator code: letters, digits, dots, dashes and underscores. Written so that it is valid
 * both as a JavaScript pattern and as an HTML `pattern` attribute (which uses the `v` flag, where
 * a dash in a class must be escaped).
 */
export const INDICATOR_CODE_PATTERN_SOURCE = `[A-Za-z0-9._\\-]{1,${INDICATOR_CODE_MAX_LENGTH}}`;
const INDICATOR_CODE = new RegExp(`^${INDICATOR_CODE_PATTERN_SOURCE}$`);
export const INDICATOR_CODE_RULE: Problem = {
  key: 'errors.indicator.indicatorCodeHasLetters',
  args: { max: INDICATOR_CODE_MAX_LENGTH },
};

export const INDICATOR_TITLE_MAX_LENGTH = 300;
/** The longest text of an indicator's other free-text fields. */
export const INDICATOR_TEXT_MAX = { description: 4000, unit: 40, meansOfVerification: 2000, sectionRef: 200 } as const;
export const MAX_DISAGGREGATION_DIMENSIONS = 5;
export const DISAGGREGATION_DIMENSION_MAX_LENGTH = 40;
export const TARGET_YEAR_MIN = 1990;
export const TARGET_YEAR_MAX = 2200;

export function indicatorCodeProblem(code: string): Problem | null {
  return INDICATOR_CODE.test(code) ? null : INDICATOR_CODE_RULE;
}

/** Codes are unique in a compact regardless of case: this is the form they are compared in. */
export const codeKey = (code: string) => code.toLowerCase();

export function indicatorTitleProblem(title: string): Problem | null {
  return title.trim() === '' || title.length > INDICATOR_TITLE_MAX_LENGTH
    ? { key: 'errors.indicator.titleRequiredMostCharacters', args: { max: INDICATOR_TITLE_MAX_LENGTH } }
    : null;
}

/** A percentage lies between 0 and 100: a baseline, a target or a value outside is refused. */
const percentageProblem = (measure: string, value: number | null, what: 'baseline' | 'target'): Problem | null =>
  measure === 'percentage' && value !== null && (value < 0 || value > 100)
    ? { key: 'errors.indicator.percentageLiesBetween', args: { what } }
    : null;

export function baselineValueProblem(indicator: { measure: string; baselineValue: number | null }): Problem | null {
  if (indicator.measure === 'qualitative' && indicator.baselineValue !== null)
    return { key: 'errors.indicator.qualitativeIndicatorHasNo' };
  return percentageProblem(indicator.measure, indicator.baselineValue, 'baseline');
}

export function targetValueProblem(indicator: { measure: string }, value: number | null): Problem | null {
  if (indicator.measure === 'qualitative') return { key: 'errors.indicator.qualitativeIndicatorsHaveNo' };
  return percentageProblem(indicator.measure, value, 'target');
}

/** Disaggregation dimensions: a few short names (reserved names are checked with reservedKeyProblem). */
export function disaggregationDimensionsProblem(dimensions: readonly string[]): Problem | null {
  return dimensions.length > MAX_DISAGGREGATION_DIMENSIONS ||
    dimensions.some((d) => d.trim() === '' || d.length > DISAGGREGATION_DIMENSION_MAX_LENGTH)
    ? {
        key: 'errors.indicator.mostDisaggregationDimensionsEach',
        args: { max: MAX_DISAGGREGATION_DIMENSIONS, max2: DISAGGREGATION_DIMENSION_MAX_LENGTH },
      }
    : null;
}

export function targetYearProblem(year: number): Problem | null {
  return Number.isInteger(year) && year >= TARGET_YEAR_MIN && year <= TARGET_YEAR_MAX
    ? null
    : { key: 'errors.indicator.targetYearLiesBetween', args: { min: TARGET_YEAR_MIN, max: TARGET_YEAR_MAX } };
}

export interface DefinitionRulesInput extends Partial<Record<keyof typeof INDICATOR_TEXT_MAX, string>> {
  code: string;
  title: string;
  measure: string;
  baselineValue: number | null;
  disaggregation: readonly string[];
}

/** Every problem of a definition on its own (uniqueness and parties need the database), by field. */
export function indicatorDefinitionProblems(definition: DefinitionRulesInput): (Problem & { field: string })[] {
  const disaggregation =
    disaggregationDimensionsProblem(definition.disaggregation) ??
    definition.disaggregation.map((d) => reservedKeyProblem(d, 'disaggregation')).find(Boolean) ??
    null;
  const at = (field: string, problem: Problem | null) => (problem ? [{ ...problem, field }] : []);
  return [
    ...at('code', indicatorCodeProblem(definition.code)),
    ...at('title', indicatorTitleProblem(definition.title)),
    ...at('baselineValue', baselineValueProblem(definition)),
    ...at('disaggregation', disaggregation),
    ...textLengthProblems(INDICATOR_TEXT_MAX, definition),
  ];
}
