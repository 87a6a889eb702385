'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '@/app/_lib/trpc';

/** The compact's party codes by party id (brackets and options name their party by id). */
export function usePartyCodes(compactId: string): ReadonlyMap<string, string> {
  const trpc = useTRPC();
  const legend = useQuery(trpc.provisions.partyLegend.queryOptions({ compactId }));
  return useMemo(() => new Map((legend.data ?? []).map((party) => [party.id, party.shortCode])), [legend.data]);
}
