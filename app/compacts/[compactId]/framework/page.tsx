import { requireMembership } from '@/app/_lib/server-session';
import { FrameworkBoard } from './_components/FrameworkBoard';

export const dynamic = 'force-dynamic';

export default async function FrameworkPage({ params }: { params: Promise<{ compactId: string }> }) {
  const { compactId } = await params;
  const { compact } = await requireMembership(compactId);
  return <FrameworkBoard compactId={compactId} can={compact.can} />;
}
