// Names a person may choose that become object keys (disaggregation dimensions and categories).
// Pure: the progress form imports it too.
import type { Problem } from '@/i18n/types';

/** Keys that reach an object's prototype (or look like they do to serialisers): never accepted as names. */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.includes(key);
}

/** The message for a reserved name, or null when the name is fine. */
export function reservedKeyProblem(key: string, what: 'disaggregation' | 'category'): Problem | null {
  return isReservedKey(key) ? { key: 'errors.reservedKeys.cannotUsedAsName', args: { key, what } } : null;
}

/** An empty object without a prototype: no key written to it can reach Object.prototype. */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A JSON.parse reviver that drops reserved keys (rows stored before they were refused). */
export function withoutReservedKeys(key: string, value: unknown): unknown {
  return isReservedKey(key) ? undefined : value;
}
