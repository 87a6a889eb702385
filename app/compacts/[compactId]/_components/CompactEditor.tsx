'use client';

import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import { compactTextExtensions, DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { t } from '@/app/_lib/messages';
import type { Collab, PresencePerson } from '@/app/_lib/use-collab';
import { renderCaret, renderSelection } from './caret';
import { EditorToolbar } from './EditorToolbar';
import { useSectionJump } from './use-section-jump';

interface Props {
  collab: Collab;
  canEdit: boolean;
  /** Shown locally at once; the server stamps the same identity on what others see. */
  user: PresencePerson;
  /** The party this person represents here: their brackets and options are proposed in its name. */
  partyId: string;
  /** A section heading to scroll to (from an indicator's link). */
  section: string | null;
  /** Told the editor once it exists (and null when it goes), for panels beside it (comments). */
  onEditor?: (editor: Editor | null) => void;
}

/** Tiptap bound to the compact's Yjs document; editable only for roles that may edit. */
export function CompactEditor({ collab, canEdit, user, partyId, section, onEditor }: Props) {
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

  useSectionJump(editor, section);
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  if (!editor) return <p className="muted">{t('editor.loading')}</p>;
  return (
    <div className="editor">
      {canEdit && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}
