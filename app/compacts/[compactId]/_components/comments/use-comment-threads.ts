'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { useTRPC } from '@/app/_lib/trpc';

export type CommentThread = RouterOutputs['comments']['list']['threads'][number];

/** How often the threads are fetched again: others' comments appear within this time. */
export const COMMENTS_REFRESH_MS = 5_000;

/** The compact's comment threads the viewer may see (newest first, paged), refreshed periodically. */
export function useCommentThreads(compactId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(
    trpc.comments.list.infiniteQueryOptions(
      { compactId },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: COMMENTS_REFRESH_MS },
    ),
  );
  const threads = useMemo(() => query.data?.pages.flatMap((page) => page.threads) ?? [], [query.data]);
  /** After one's own change: fetch at once rather than at the next refresh. */
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.comments.list.pathKey() }),
    [queryClient, trpc],
  );
  return { query, threads, refresh };
}
