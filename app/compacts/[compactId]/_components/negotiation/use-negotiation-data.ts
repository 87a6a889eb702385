'use client';

import { useQuery } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo } from 'react';
import { useTRPC } from '@/app/_lib/trpc';
import { setNegotiationViewData } from './negotiation-decorations';
import type { LegendParty, LinkedIndicator, NegotiationViewData } from './view-data';

/**
 * The party legend and the indicators linked to provisions, fetched once per compact (indicators
 * refresh with the page's queries), and handed to the editor's negotiation view whenever they change.
 */
export function useNegotiationData(editor: Editor | null, compactId: string) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations();
  const legend = useQuery(trpc.provisions.partyLegend.queryOptions({ compactId }, { staleTime: 60_000 }));
  const linked = useQuery(trpc.provisions.indicators.queryOptions({ compactId }, { staleTime: 30_000 }));

  const data = useMemo<NegotiationViewData>(
    () => ({
      compactId,
      parties: new Map<string, LegendParty>((legend.data ?? []).map((party) => [party.id, party])),
      indicators: new Map<string, readonly LinkedIndicator[]>(
        (linked.data ?? []).map((entry) => [entry.provisionId, entry.indicators]),
      ),
      navigate: (href) => router.push(href),
      t,
    }),
    [compactId, legend.data, linked.data, router, t],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(setNegotiationViewData(editor.state, data));
  }, [editor, data]);

  return data;
}
