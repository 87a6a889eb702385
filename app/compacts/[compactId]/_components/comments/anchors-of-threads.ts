import { decodeAnchorEnd } from '@/shared/comments/anchor-encoding';
import type { HighlightAnchor } from './anchor-places';

interface AnchoredThread {
  id: string;
  anchor: { start: string; end: string };
  provisionId: string | null;
  quote: string;
  resolved: unknown;
}

/** The threads' anchors as the editor follows them (a thread whose anchor cannot be read is left out). */
export function highlightAnchors(threads: readonly AnchoredThread[]): HighlightAnchor[] {
  return threads.flatMap((thread) => {
    const start = decodeAnchorEnd(thread.anchor.start);
    const end = decodeAnchorEnd(thread.anchor.end);
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
