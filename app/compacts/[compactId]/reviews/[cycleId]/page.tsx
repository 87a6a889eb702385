import { requireMembership } from '@/app/_lib/server-session';
import { ReviewCycleScreen } from '../_components/ReviewCycleScreen';

export const dynamic = 'force-dynamic';

export default async function ReviewCyclePage({ params }: { params: Promise<{ compactId: string; cycleId: string }> }) {
  const { compactId, cycleId } = await params;
  const { compact } = await requireMembership(compactId);
  return (
    <ReviewCycleScreen
      compactId={compactId}
      cycleId={cycleId}
      canRecord={compact.can.recordFindings}
      canManage={compact.can.manageReviews}
    />
  );
}
