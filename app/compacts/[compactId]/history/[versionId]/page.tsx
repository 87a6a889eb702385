import { requireMembership } from '@/app/_lib/server-session';
import { VersionView } from '../_components/VersionView';

export const dynamic = 'force-dynamic';

export default async function VersionPage({ params }: { params: Promise<{ compactId: string; versionId: string }> }) {
  const { compactId, versionId } = await params;
  const { compact } = await requireMembership(compactId);
  return <VersionView compactId={compactId} versionId={versionId} canRestore={compact.can.restoreVersion} />;
}
