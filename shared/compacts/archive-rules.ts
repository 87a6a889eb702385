import type { Problem } from '@/i18n/types';
import { addProblemIssue } from '../problem-issue';
import { z } from 'zod';
import { characters } from '@/shared/history/version-rules';
import { hasForbiddenCharacters } from '@/shared/unsafe-characters';

// Pure rules for archiving a compact, shared by the server and the admin form.

/** A reason given when archiving or restoring: optional, at most this many characters. */
export const ARCHIVE_REASON_MAX = 500;

/** Why an archive or restore reason is refused, or null when it is fine. */
export function archiveReasonProblem(reason: string): Problem | null {
  if (characters(reason) > ARCHIVE_REASON_MAX)
    return { key: 'errors.displayName.useMostCharacters', args: { max: ARCHIVE_REASON_MAX } };
  if (hasForbiddenCharacters(reason, { multiline: true })) return { key: 'errors.signOff.reasonCannotContainControl' };
  return null;
}

/** The zod field for the reason (anything far too long is refused before it is scanned); '' when none. */
export const archiveReasonSchema = z
  .string()
  .max(ARCHIVE_REASON_MAX * 4)
  .trim()
  .superRefine((value, ctx) => {
    const problem = archiveReasonProblem(value);
    if (problem) addProblemIssue(ctx, problem);
  })
  .default('');

export const archiveInputSchema = z.object({
  compactId: z.string().min(1).max(64),
  reason: archiveReasonSchema,
});
