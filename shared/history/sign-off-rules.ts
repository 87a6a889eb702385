import type { Problem } from '@/i18n/types';
import { z } from 'zod';
import { characters } from './version-rules';
import { hasForbiddenCharacters } from '@/shared/unsafe-characters';

// Pure rules for sign-offs, shared by the server and the browser forms.

/** What a party may attach to its sign-off: nothing, a reservation, or an interpretive statement. */
export const STATEMENT_KINDS = ['none', 'reservation', 'interpretive'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const SIGN_OFF_LIMITS = { statement: 4000, reason: 1000 } as const;

/** A party's standing against the current text. */
export const SIGN_OFF_STATES = ['signed-current', 'signed-earlier', 'not-signed'] as const;
export type SignOffState = (typeof SIGN_OFF_STATES)[number];

/** Trimmed, NFC; empty as null. */
export function cleanFreeText(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim().normalize('NFC');
  return trimmed === '' ? null : trimmed;
}

/** Why a statement cannot be stored with a sign-off (null when it can). */
export function statementProblem(kind: StatementKind, statement: string | null): Problem | null {
  if (kind === 'none')
    return statement === null ? null : { key: 'errors.signOff.chooseReservationInterpretiveStatement' };
  if (statement === null) return { key: 'errors.signOff.writeStatementChooseNo' };
  if (characters(statement) > SIGN_OFF_LIMITS.statement)
    return { key: 'errors.signOff.statementHasMostCharacters', args: { max: SIGN_OFF_LIMITS.statement } };
  if (hasForbiddenCharacters(statement, { multiline: true }))
    return { key: 'errors.signOff.statementCannotContainControl' };
  return null;
}

/** Why a withdrawal reason cannot be stored (null when it can; it is optional). */
export function withdrawalReasonProblem(reason: string | null): Problem | null {
  if (reason === null) return null;
  if (characters(reason) > SIGN_OFF_LIMITS.reason)
    return { key: 'errors.signOff.reasonHasMostCharacters', args: { max: SIGN_OFF_LIMITS.reason } };
  if (hasForbiddenCharacters(reason, { multiline: true })) return { key: 'errors.signOff.reasonCannotContainControl' };
  return null;
}

const id = z.string().min(1).max(64);

/** The input of "sign this version", bounded before any check runs (four bytes a character at most). */
export const signInputSchema = z.object({
  versionId: id,
  statementKind: z.enum(STATEMENT_KINDS),
  statement: z
    .string()
    .max(SIGN_OFF_LIMITS.statement * 4)
    .nullish(),
});

export const withdrawInputSchema = z.object({
  signOffId: id,
  reason: z
    .string()
    .max(SIGN_OFF_LIMITS.reason * 4)
    .nullish(),
});
