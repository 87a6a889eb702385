'use client';

import { useQuery } from '@tanstack/react-query';
import { ProvisionCitation } from '@/app/_components/framework/ProvisionCitation';
import { useTRPC } from '@/app/_lib/trpc';

/** The provision an indicator implements, linked to its place in the text — or that it was deleted. */
export function ProvisionLink({ compactId, provisionId }: { compactId: string; provisionId: string | null }) {
  const trpc = useTRPC();
  const provisions = useQuery({ ...trpc.provisions.list.queryOptions({ compactId }), enabled: provisionId !== null });
  if (provisionId === null) return <>—</>;
  if (!provisions.data) return <>…</>;
  const provision = provisions.data.find((candidate) => candidate.id === provisionId) ?? null;
  return <ProvisionCitation compactId={compactId} provision={provision} withWords />;
}
