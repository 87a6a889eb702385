import { notFound } from 'next/navigation';
import { serverApi } from '@/server/trpc/server-caller';
import { forPage, requireMembership } from '@/app/_lib/server-session';
import { ProgressGrid } from './ProgressGrid';

export const dynamic = 'force-dynamic';

export default async function ProgressPage({
  params,
  searchParams,
}: {
  params: Promise<{ compactId: string }>;
  searchParams: Promise<{ period?: string }>;
}) {
  const { compactId } = await params;
  const { period } = await searchParams;
  const { compact } = await requireMembership(compactId);
  if (!compact.can.reportProgress) notFound();
  const periods = await forPage(serverApi.framework.periods({ compactId }));
  const today = new Date().toISOString().slice(0, 10);
  const fallback = [...periods].reverse().find((p) => p.endsOn < today) ?? periods[0];
  const periodId = periods.some((p) => p.id === period) ? period! : fallback?.id;
  if (!periodId) notFound();
  return <ProgressGrid compactId={compactId} periodId={periodId} />;
}
