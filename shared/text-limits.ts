import type { Problem } from '@/i18n/types';
// Free-text fields have one length limit each, written beside their entity's rules and applied by
// the form (maxLength), the API schema, the entity's writer and CSV imports alike: a text that is
// too long is refused with its field named, never cut short.

/** The fields of `values` longer than their limit, each with the reason. */
export function textLengthProblems<F extends string>(
  limits: Readonly<Record<F, number>>,
  values: Readonly<Partial<Record<NoInfer<F>, string>>>,
): (Problem & { field: F })[] {
  return (Object.keys(limits) as F[])
    .filter((field) => (values[field] ?? '').length > limits[field])
    .map((field) => ({ field, key: 'errors.version.mostCharacters', args: { max: limits[field] } }));
}
