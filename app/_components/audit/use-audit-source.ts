'use client';

import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import type { RouterInputs, RouterOutputs } from '@/app/_lib/router-types';
import { useTRPC } from '@/app/_lib/trpc';

type Query<T> = UseQueryOptions<T, Error, T, QueryKey>;
type Filters = Omit<RouterInputs['audit']['events'], 'compactId'>;

/** Where an audit screen reads from: one compact's chain, or the instance's (compactId null). */
export interface AuditSource {
  compactId: string | null;
  events(input: Filters): Query<RouterOutputs['audit']['events']>;
  facets(): Query<RouterOutputs['audit']['facets']>;
  status(recheck: boolean): Query<RouterOutputs['audit']['status']>;
}

/** The queries of a compact's audit screen, or of the instance's (instance administrators). */
export function useAuditSource(compactId: string | null): AuditSource {
  const trpc = useTRPC();
  const recheckInput = (recheck: boolean) => ({ recheck: recheck || undefined });
  if (compactId === null)
    return {
      compactId,
      events: (input) => trpc.instanceAudit.events.queryOptions(input) as Query<RouterOutputs['audit']['events']>,
      facets: () => trpc.instanceAudit.facets.queryOptions() as Query<RouterOutputs['audit']['facets']>,
      status: (recheck) =>
        trpc.instanceAudit.status.queryOptions(recheckInput(recheck)) as Query<RouterOutputs['audit']['status']>,
    };
  return {
    compactId,
    events: (input) =>
      trpc.audit.events.queryOptions({ compactId, ...input }) as Query<RouterOutputs['audit']['events']>,
    facets: () => trpc.audit.facets.queryOptions({ compactId }) as Query<RouterOutputs['audit']['facets']>,
    status: (recheck) =>
      trpc.audit.status.queryOptions({ compactId, ...recheckInput(recheck) }) as Query<
        RouterOutputs['audit']['status']
      >,
  };
}
