import 'server-only';
import type { Problem } from '@/i18n/types';
import { DomainError } from '@/server/services/domain-error';

/** A policy's answer: null when allowed, otherwise the reason shown to the person refused. */
export type Refusal = Problem | null;

/** Throws FORBIDDEN with the policy's reason when it refuses. */
export function authorize(refusal: Refusal): void {
  if (refusal !== null) throw new DomainError('FORBIDDEN', refusal);
}
