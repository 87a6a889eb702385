import * as Y from 'yjs';
import { base64ToBytes } from '@/shared/comments/anchor-encoding';
import type { HighlightAnchor } from './anchor-places';

interface AnchoredThread {
  id: string;
  anchor: { start: string; end: string };
  provisionId: string | null;
  quote: string;
  resolved: unknown;
}

function decode(encoded: string): Y.RelativePosition | null {
  const bytes = base64ToBytes(encoded);
  if (!bytes) return null;
  try {
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/** The threads' anchors as the editor follows them (a thread whose anchor cannot be read is left out). */
export function highlightAnchors(threads: readonly AnchoredThread[]): HighlightAnchor[] {
  return threads.flatMap((thread) => {
    const start = decode(thread.anchor.start);
    const end = decode(thread.anchor.end);
    return start && end
      ? [
          {
            id: thread.id,
            start,
            end,
            provisionId: thread.provisionId,
            quote: thread.quote,
            resolved: Boolean(thread.resolved),
          },
        ]
      : [];
  });
}
