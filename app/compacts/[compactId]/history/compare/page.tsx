import { requireMembership } from '@/app/_lib/server-session';
import { CompareView } from '../_components/CompareView';

export const dynamic = 'force-dynamic';

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ compactId: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { compactId } = await params;
  const { from, to } = await searchParams;
  await requireMembership(compactId);
  return <CompareView compactId={compactId} fromVersionId={from ?? ''} toVersionId={to || null} />;
}
