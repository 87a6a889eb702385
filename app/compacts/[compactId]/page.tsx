import { notFound } from 'next/navigation';
import { getDb } from '../../../db/client';
import { findMembership, getCompact } from '../../../server/services/compacts';
import { listParties } from '../../../server/services/parties';
import { partyColour } from '../../../server/collab/presence-colour';
import { canEditText } from '../../../server/services/roles';
import { AppHeader } from '../../_components/AppHeader';
import { requireActor } from '../../_lib/server-session';
import { CompactWorkspace } from './_components/CompactWorkspace';

export const dynamic = 'force-dynamic';

export default async function CompactPage({ params }: { params: Promise<{ compactId: string }> }) {
  const { compactId } = await params;
  const actor = await requireActor();
  const { db } = getDb();
  const membership = compactId.length <= 64 ? findMembership(db, compactId, actor.userId) : null;
  if (!membership) notFound();
  const compact = getCompact(db, compactId);
  return (
    <>
      <AppHeader actor={actor} />
      <CompactWorkspace
        compact={{ id: compact.id, title: compact.title, description: compact.description }}
        me={{
          role: membership.role,
          canEdit: canEditText(membership.role),
          presence: { userId: actor.userId, name: actor.name, partyName: actor.partyName, partyShortCode: actor.partyShortCode, color: partyColour(db, actor.partyId) },
        }}
        parties={membership.role === 'admin' ? listParties(db) : []}
      />
    </>
  );
}
