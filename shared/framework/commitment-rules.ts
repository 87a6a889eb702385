// The rules of a commitment's fields, written once (form, API schema, writer, CSV import). Pure.
import type { Problem } from '@/i18n/types';

/** The longest text of a commitment's free-text fields. */
export const COMMITMENT_TEXT_MAX = { reference: 200, deliverable: 2000, narrativeStatus: 4000 } as const;

/** The most supporting parties one commitment names. */
export const MAX_SUPPORTING_PARTIES = 20;

/**
 * What is wrong with a commitment's supporting parties (that they exist is checked where the
 * parties are known), or null: at most MAX_SUPPORTING_PARTIES, each once, never the lead party.
 */
export function supportingPartiesProblem(leadPartyId: string, supportingPartyIds: readonly string[]): Problem | null {
  if (supportingPartyIds.length > MAX_SUPPORTING_PARTIES)
    return { key: 'errors.commitment.chooseMostSupportingParties', args: { max: MAX_SUPPORTING_PARTIES } };
  if (new Set(supportingPartyIds).size !== supportingPartyIds.length)
    return { key: 'errors.commitment.chooseEachSupportingParty' };
  if (supportingPartyIds.includes(leadPartyId)) return { key: 'errors.commitment.leadPartyCannotAlso' };
  return null;
}
