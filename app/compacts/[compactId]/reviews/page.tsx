import { requireMembership } from '@/app/_lib/server-session';
import { ReviewList } from './_components/ReviewList';

export const dynamic = 'force-dynamic';

export default async function ReviewsPage({ params }: { params: Promise<{ compactId: string }> }) {
  const { compactId } = await params;
  const { compact } = await requireMembership(compactId);
  return <ReviewList compactId={compactId} canOpen={compact.can.manageReviews} />;
}
