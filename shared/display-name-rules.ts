import { addProblemIssue } from './problem-issue';
import { FORBIDDEN_CHARACTERS } from './unsafe-characters';
import type { Problem } from '@/i18n/types';
import { z } from 'zod';

// Pure rules for display names, shared by the server and the browser forms (no database here).

/** Display names are short: long enough for any real name with titles, short enough to show. */
export const MAX_DISPLAY_NAME_LENGTH = 80;

/** Why a display name is refused, or null when it is fine (after trimming). */
export function displayNameProblem(raw: string): Problem | null {
  // Anything this long is refused before trimming or scanning it.
  if (raw.length > MAX_DISPLAY_NAME_LENGTH * 4)
    return { key: 'errors.displayName.useMostCharacters', args: { max: MAX_DISPLAY_NAME_LENGTH } };
  const name = raw.trim();
  if (name.length === 0) return { key: 'errors.displayName.enterName' };
  if ([...name].length > MAX_DISPLAY_NAME_LENGTH)
    return { key: 'errors.displayName.useMostCharacters', args: { max: MAX_DISPLAY_NAME_LENGTH } };
  if (FORBIDDEN_CHARACTERS.test(name)) return { key: 'errors.version.nameCannotContainControl' };
  return null;
}

export function normaliseDisplayName(raw: string): string {
  return raw.trim().normalize('NFC');
}

/** The zod field for a display name in router inputs (checked as above, then trimmed). */
export const displayNameSchema = z
  .string()
  .superRefine((value, ctx) => {
    const problem = displayNameProblem(value);
    if (problem) addProblemIssue(ctx, problem);
  })
  .transform(normaliseDisplayName);
