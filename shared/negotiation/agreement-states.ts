/** A provision as far as agreement goes: its id and state, as stored (unvalidated). */
export interface ProvisionStateEntry {
  id: unknown;
  state: unknown;
}

/**
 * A stored value as a comparable string: a string as itself, anything else (an array, a number, an
 * unset attribute) as its JSON behind a NUL no string id or state holds — `['abc']` never passes for `'abc'`.
 */
export const keyOf = (value: unknown) => (typeof value === 'string' ? value : `\u0000${JSON.stringify(value) ?? ''}`);

/** Per provision id, the declared (not `open`) states its holders carry, sorted: what a move must keep. */
export function declaredStatesById(entries: Iterable<ProvisionStateEntry>): Map<string, string> {
  const states = new Map<string, string[]>();
  for (const { id, state } of entries) {
    const key = keyOf(id);
    const list = states.get(key) ?? [];
    if (state !== undefined && state !== 'open') list.push(keyOf(state));
    states.set(key, list);
  }
  return new Map([...states].map(([id, list]) => [id, list.sort().join(',')]));
}

/**
 * The ids whose declared states a change altered, comparing by id rather than by element: a
 * provision moved (its element re-created, or its attributes rewritten in place as the editor's
 * sync does when provisions are reordered) keeps its id and state and alters nothing. An id still
 * in the text must carry exactly the states it carried before; an id new to the text carries none
 * (a copy starts `open`); an id that left the text (deleted) alters nothing.
 */
export function alteredAgreementIds(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const altered: string[] = [];
  for (const [id, states] of after) if ((before.get(id) ?? '') !== states) altered.push(id);
  return altered;
}
