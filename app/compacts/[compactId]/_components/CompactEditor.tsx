'use client';

import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, type ReactNode } from 'react';
import { compactTextExtensions, DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { t } from '@/app/_lib/messages';
import type { Collab, PresencePerson } from '@/app/_lib/use-collab';
import { renderCaret, renderSelection } from './caret';
import { EditorToolbar } from './EditorToolbar';
import { NegotiationView } from './negotiation/negotiation-decorations';

interface Props {
  collab: Collab;
  canEdit: boolean;
  /** Shown locally at once; the server stamps the same identity on what others see. */
  user: PresencePerson;
  /** The party this person represents here: their brackets and options are proposed in its name. */
  partyId: string;
  /** Kept mounted but not shown (while the clean text view is on): cursor and undo survive. */
  hidden?: boolean;
  /** Hands the editor to the page (provisions panel, clean text), and null when it goes. */
  onEditor?: (editor: Editor | null) => void;
  /** Controls shown under the formatting toolbar (the negotiation toolbar). */
  negotiationTools?: (editor: Editor) => ReactNode;
}

/** Tiptap bound to the compact's Yjs document; editable only for roles that may edit. */
export function CompactEditor({ collab, canEdit, user, partyId, hidden, onEditor, negotiationTools }: Props) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: canEdit,
      extensions: [
        ...compactTextExtensions({ proposer: () => (canEdit ? { partyId, userId: user.userId } : null) }),
        Collaboration.configure({ document: collab.doc, field: DOCUMENT_FIELD }),
        CollaborationCaret.configure({
          provider: collab.provider,
          user,
          render: renderCaret,
          selectionRender: renderSelection,
        }),
        NegotiationView,
      ],
      editorProps: {
        attributes: {
          'aria-label': t('editor.label'),
          'aria-multiline': 'true',
          'aria-readonly': canEdit ? 'false' : 'true',
          role: 'textbox',
          class: 'compact-text',
        },
      },
    },
    [collab, canEdit, partyId, user.userId],
  );

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  if (!editor) return <p className="muted">{t('editor.loading')}</p>;
  return (
    <div className="editor" hidden={hidden}>
      {canEdit && <EditorToolbar editor={editor} />}
      {negotiationTools?.(editor)}
      <EditorContent editor={editor} />
    </div>
  );
}
