import { requireMembership } from '@/app/_lib/server-session';
import { HistoryScreen } from './_components/HistoryScreen';

export const dynamic = 'force-dynamic';

export default async function HistoryPage({ params }: { params: Promise<{ compactId: string }> }) {
  const { compactId } = await params;
  const { compact } = await requireMembership(compactId);
  return <HistoryScreen compactId={compactId} canName={compact.can.nameVersion} />;
}
