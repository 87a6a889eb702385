import { COMPACT_ROLES, type CompactRole } from './enums';

export { COMPACT_ROLES, type CompactRole };

/** Roles that may change the compact text; every other role reads it live, read-only. */
export const TEXT_EDITING_ROLES: readonly CompactRole[] = ['admin', 'negotiator'];

export function canEditText(role: CompactRole): boolean {
  return TEXT_EDITING_ROLES.includes(role);
}
