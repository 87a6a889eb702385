'use client';

import { useTranslations } from 'next-intl';
import type { Collab, PresencePerson } from '@/app/_lib/use-collab';
import { CompactEditor } from '../CompactEditor';
import { ChairControls } from './ChairControls';
import { CleanTextView } from './CleanTextView';
import { NegotiationToolbar } from './NegotiationToolbar';
import { PartyLegend } from './PartyLegend';
import { useProvisionJump } from './use-provision-jump';
import type { NegotiationWorkspace } from './use-negotiation-workspace';

interface Props {
  compactId: string;
  negotiation: NegotiationWorkspace;
  collab: Collab;
  canEdit: boolean;
  /** The chair (compact admins): declares agreement states and accepts options. */
  chair: boolean;
  user: PresencePerson;
  partyId: string;
  /** `?provision=` and `?section=` of the page. */
  provision: string | null;
  section: string | null;
}

/**
 * The compact text in the negotiation view (the live editor with party labels) or the clean text
 * view (read-only, from the same live document). The editor stays mounted while the clean text
 * shows, so its cursor, undo history and unsynced edits are kept.
 */
export function NegotiationPane({
  compactId,
  negotiation,
  collab,
  canEdit,
  chair,
  user,
  partyId,
  provision,
  section,
}: Props) {
  const t = useTranslations();
  const { editor, clean, setClean, data } = negotiation;
  const { missing } = useProvisionJump(editor, provision, section);
  return (
    <div className="negotiation-pane">
      <div className="view-bar">
        <button
          type="button"
          className="button secondary small"
          aria-pressed={clean}
          title={t('negotiation.cleanTextHint')}
          onClick={() => setClean(!clean)}
          disabled={!editor}
        >
          {t('negotiation.cleanText')}
        </button>
        {editor && <PartyLegend editor={editor} data={data} />}
      </div>
      {missing && (
        <p className="notice" role="status">
          {t('negotiation.provisionGone')}
        </p>
      )}
      {editor && chair && !clean && <ChairControls editor={editor} compactId={compactId} parties={data.parties} />}
      <CompactEditor
        collab={collab}
        canEdit={canEdit}
        user={user}
        partyId={partyId}
        hidden={clean}
        onEditor={negotiation.setEditor}
        negotiationTools={(e) =>
          canEdit ? (
            <NegotiationToolbar editor={e} party={{ shortCode: user.partyShortCode, name: user.partyName }} />
          ) : null
        }
      />
      {editor && clean && <CleanTextView editor={editor} />}
    </div>
  );
}
