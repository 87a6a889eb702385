import { serverApi } from '@/server/trpc/server-caller';
import { forPage, requireMembership } from '@/app/_lib/server-session';
import { CompactWorkspace } from './_components/CompactWorkspace';

export const dynamic = 'force-dynamic';

export default async function CompactPage({ params }: { params: Promise<{ compactId: string }> }) {
  const { compactId } = await params;
  const { compact } = await requireMembership(compactId);
  const presence = await forPage(serverApi.compacts.myPresence({ compactId }));
  return (
    <CompactWorkspace
      compact={{ id: compact.id, title: compact.title, description: compact.description }}
      me={{ role: compact.myRole, can: compact.can, presence, partyId: compact.myParty.id }}
      archived={compact.archive !== null}
    />
  );
}
