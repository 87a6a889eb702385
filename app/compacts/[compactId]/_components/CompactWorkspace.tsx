'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import type { CompactRole } from '@/shared/roles';
import type { CompactPermissions } from '@/app/_lib/router-types';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useCollab, type PresencePerson } from '@/app/_lib/use-collab';
import { CommentsPanel } from './comments/CommentsPanel';
import { ConnectionBadge } from './ConnectionBadge';
import { LiveAnnouncer } from './LiveAnnouncer';
import { RefusedChangeNotice } from './RefusedChangeNotice';
import { MembersPanel } from './MembersPanel';
import { TextLanguageSetting } from './TextLanguageSetting';
import { PresenceList } from './PresenceList';
import { SignOffSideCard } from './SignOffSideCard';
import { NegotiationPane } from './negotiation/NegotiationPane';
import { ProvisionDecisions } from './negotiation/ProvisionDecisions';
import { ProvisionsPanel } from './negotiation/ProvisionsPanel';
import { useNegotiationWorkspace } from './negotiation/use-negotiation-workspace';

interface Props {
  compact: { id: string; title: string; description: string };
  me: { role: CompactRole; can: CompactPermissions; presence: PresencePerson; partyId: string };
  /** Archived: read only for everyone (the layout's banner says so; no role hint then). */
  archived: boolean;
}

export function CompactWorkspace({ compact, me, archived }: Props) {
  const t = useTranslations();
  const { collab, status, synced, people, archiveChanges } = useCollab(compact.id);
  const router = useRouter();
  // Archived or restored while open: the server renders the page again (banner, read-only editor, controls).
  useEffect(() => {
    if (archiveChanges > 0) router.refresh();
  }, [archiveChanges, router]);
  const searchParams = useSearchParams();
  const section = searchParams.get('section');
  const negotiation = useNegotiationWorkspace(compact.id);
  const roleName = t(`role.${me.role}` as MessageKey);
  return (
    <main id="main" className="workspace">
      <section className="workspace-main">
        <div className="workspace-title">
          <h1 dir="auto">{compact.title}</h1>
          <div className="title-badges">
            {!me.can.editText && (
              <span
                className="badge readonly"
                title={archived ? undefined : t('editor.readOnlyHint', { role: roleName })}
              >
                {t('editor.readOnly')}
              </span>
            )}
            <ConnectionBadge status={status} />
          </div>
        </div>
        <LiveAnnouncer status={status} people={people} myUserId={me.presence.userId} />
        {!me.can.editText && !archived && <p className="muted small">{t('editor.readOnlyHint', { role: roleName })}</p>}
        {status === 'refused-proposal' && <RefusedChangeNotice editor={negotiation.editor} />}
        {collab && synced ? (
          <NegotiationPane
            compactId={compact.id}
            negotiation={negotiation}
            collab={collab}
            canEdit={me.can.editText}
            chair={me.can.chairNegotiation}
            user={me.presence}
            partyId={me.partyId}
            provision={searchParams.get('provision')}
            section={section}
          />
        ) : (
          <p className="muted">{t('editor.loading')}</p>
        )}
      </section>
      <aside className="workspace-side">
        {negotiation.editor && (
          <ProvisionsPanel editor={negotiation.editor} data={negotiation.data} onJump={negotiation.jump} />
        )}
        {negotiation.editor && <ProvisionDecisions editor={negotiation.editor} compactId={compact.id} />}
        <PresenceList people={people} myUserId={me.presence.userId} />
        <SignOffSideCard compactId={compact.id} />
        <CommentsPanel
          compactId={compact.id}
          editor={negotiation.editor}
          partyCode={me.presence.partyShortCode}
          mayComment={me.can.comment}
        />
        <MembersPanel compactId={compact.id} mayInvite={me.can.manageMembers} />
        {me.can.configureCompact && <TextLanguageSetting compactId={compact.id} />}
      </aside>
    </main>
  );
}
