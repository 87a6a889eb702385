import { getDb } from '@/db/client';
import { listParties } from '@/server/services/parties';
import { partyColour } from '@/server/collab/presence-colour';
import { canEditText } from '@/shared/roles';
import { requireMembership } from '@/app/_lib/server-session';
import { CompactWorkspace } from './_components/CompactWorkspace';

export const dynamic = 'force-dynamic';

export default async function CompactPage({ params }: { params: Promise<{ compactId: string }> }) {
  const { compactId } = await params;
  const { actor, membership, compact } = await requireMembership(compactId);
  const { db } = getDb();
  return (
    <>
      <CompactWorkspace
        compact={{ id: compact.id, title: compact.title, description: compact.description }}
        me={{
          role: membership.role,
          canEdit: canEditText(membership.role),
          presence: {
            userId: actor.userId,
            name: actor.name,
            partyName: membership.partyName,
            partyShortCode: membership.partyShortCode,
            color: partyColour(db, membership.partyId),
          },
        }}
        parties={membership.role === 'admin' ? listParties(db) : []}
      />
    </>
  );
}
