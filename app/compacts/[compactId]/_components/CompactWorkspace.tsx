'use client';

import type { Editor } from '@tiptap/core';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { CompactRole } from '@/shared/roles';
import type { CompactPermissions } from '@/app/_lib/router-types';
import { t, type MessageKey } from '@/app/_lib/messages';
import { useCollab, type PresencePerson } from '@/app/_lib/use-collab';
import { CommentsPanel } from './comments/CommentsPanel';
import { CompactEditor } from './CompactEditor';
import { ConnectionBadge } from './ConnectionBadge';
import { MembersPanel } from './MembersPanel';
import { PresenceList } from './PresenceList';

interface Props {
  compact: { id: string; title: string; description: string };
  me: { role: CompactRole; can: CompactPermissions; presence: PresencePerson; partyId: string };
}

export function CompactWorkspace({ compact, me }: Props) {
  const { collab, status, synced, people } = useCollab(compact.id);
  const section = useSearchParams().get('section');
  const [editor, setEditor] = useState<Editor | null>(null);
  const roleName = t(`role.${me.role}` as MessageKey);
  return (
    <main className="workspace">
      <section className="workspace-main">
        <div className="workspace-title">
          <h1>{compact.title}</h1>
          <div className="title-badges">
            {!me.can.editText && (
              <span className="badge readonly" title={t('editor.readOnlyHint', { role: roleName })}>
                {t('editor.readOnly')}
              </span>
            )}
            <ConnectionBadge status={status} />
          </div>
        </div>
        {!me.can.editText && <p className="muted small">{t('editor.readOnlyHint', { role: roleName })}</p>}
        {collab && synced ? (
          <CompactEditor
            collab={collab}
            canEdit={me.can.editText}
            user={me.presence}
            partyId={me.partyId}
            section={section}
            onEditor={setEditor}
          />
        ) : (
          <p className="muted">{t('editor.loading')}</p>
        )}
      </section>
      <aside className="workspace-side">
        <PresenceList people={people} myUserId={me.presence.userId} />
        <CommentsPanel compactId={compact.id} editor={editor} partyCode={me.presence.partyShortCode} />
        <MembersPanel compactId={compact.id} mayInvite={me.can.manageMembers} />
      </aside>
    </main>
  );
}
