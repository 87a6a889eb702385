'use client';

import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { useTRPC } from '@/app/_lib/trpc';

export type SignOffStatus = RouterOutputs['signOffs']['status'];
export type PartySignOff = SignOffStatus['parties'][number];
export type ShownSignOff = NonNullable<PartySignOff['active']>;

/** How often a page showing sign-offs asks again (the text may have changed meanwhile). */
const REFRESH_MS = 30_000;

/** Each party's sign-off standing against the current text, and what the viewer may do. */
export function useSignOffStatus(compactId: string) {
  const trpc = useTRPC();
  // Asked again whenever a page showing it opens: the text may have changed since the last answer.
  return useQuery({ ...trpc.signOffs.status.queryOptions({ compactId }), refetchInterval: REFRESH_MS, staleTime: 0 });
}

/** After signing or withdrawing: every view of the status asks again. */
export function signOffStatusKey(trpc: ReturnType<typeof useTRPC>) {
  return trpc.signOffs.status.pathKey();
}
