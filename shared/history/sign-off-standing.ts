/** A party's standing against one text (a review cycle's baseline): by content hash, as sign-offs bind. */
export type Standing = 'signed-this' | 'signed-other' | 'not-signed';

export function standingAgainst(active: { contentHash: string } | null, contentHash: string): Standing {
  if (!active) return 'not-signed';
  return active.contentHash === contentHash ? 'signed-this' : 'signed-other';
}
