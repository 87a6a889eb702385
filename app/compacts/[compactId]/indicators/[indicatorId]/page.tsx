import { requireMembership } from '@/app/_lib/server-session';
import { IndicatorPage } from './_components/IndicatorPage';

export const dynamic = 'force-dynamic';

export default async function IndicatorRoute({
  params,
}: {
  params: Promise<{ compactId: string; indicatorId: string }>;
}) {
  const { compactId, indicatorId } = await params;
  const { actor, membership } = await requireMembership(compactId);
  return (
    <IndicatorPage
      compactId={compactId}
      indicatorId={indicatorId}
      viewer={{ userId: actor.userId, partyId: membership.partyId, role: membership.role }}
    />
  );
}
