import { requireMembership } from '@/app/_lib/server-session';
import { Scorecard } from './Scorecard';

export const dynamic = 'force-dynamic';

export default async function ScorecardPage({ params }: { params: Promise<{ compactId: string; partyId: string }> }) {
  const { compactId, partyId } = await params;
  await requireMembership(compactId);
  return <Scorecard compactId={compactId} partyId={partyId} />;
}
