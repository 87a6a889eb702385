'use client';

import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PartyGuardReason } from '@/shared/editor/negotiation/party-guard';
import { partyAwareUndoManager } from '@/shared/editor/negotiation/party-undo';
import { compactTextExtensions, DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import type { Collab, PresencePerson } from '@/app/_lib/use-collab';
import { keepCaretLabelsInside, renderCaret, renderSelection } from './caret';
import { EditorToolbar } from './EditorToolbar';
import { useTextAttributes } from './TextLanguage';
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
const BLOCKED_NOTICE_MS = 8000;

function toToolbarOnAltF10(event: KeyboardEvent<HTMLDivElement>) {
  if (!event.altKey || event.key !== 'F10') return;
  const stop = event.currentTarget.querySelector<HTMLElement>('[role="toolbar"] button[tabindex="0"]');
  if (!stop) return;
  event.preventDefault();
  stop.focus();
}

export function CompactEditor({ collab, canEdit, user, partyId, hidden, onEditor, negotiationTools }: Props) {
  const t = useTranslations();
  const text = useTextAttributes();
  // Each stop is a new object, so the notice stays up for its full time after every attempt.
  const [blocked, setBlocked] = useState<{ reason: PartyGuardReason } | null>(null);
  const showBlocked = useCallback((reason: PartyGuardReason) => setBlocked({ reason }), []);
  useEffect(() => {
    if (!blocked) return;
    const timer = setTimeout(() => setBlocked(null), BLOCKED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [blocked]);
  const proposer = useCallback(
    () => (canEdit ? { partyId, userId: user.userId } : null),
    [canEdit, partyId, user.userId],
  );
  // One undo history per document and person (created once: an UndoManager listens to the document).
  const undoManager = useMemo(() => partyAwareUndoManager(collab.doc, proposer), [collab.doc, proposer]);
  useEffect(() => () => undoManager.destroy(), [undoManager]);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: canEdit,
      extensions: [
        ...compactTextExtensions({ proposer, onBlocked: showBlocked }),
        Collaboration.configure({
          document: collab.doc,
          field: DOCUMENT_FIELD,
          yUndoOptions: { undoManager },
        }),
        CollaborationCaret.configure({
          provider: collab.provider,
          user,
          render: (remote) => renderCaret(remote, t, user.userId),
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
          // Presentation only, on the editor's root: never an attribute of the document.
          lang: text.lang,
          dir: text.dir,
        },
      },
    },
    [collab, canEdit, proposer, showBlocked, undoManager, text.lang, text.dir],
  );

  // Remote carets move when someone else's awareness changes, when the text changes (theirs or
  // ours shifts a line) and when the editor is resized: keep their labels in the box then, once a frame.
  useEffect(() => {
    if (!editor) return;
    const { awareness } = collab.provider;
    let frame = 0;
    const clamp = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => keepCaretLabelsInside(editor.view.dom));
    };
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) clamp();
    };
    const onAwareness = ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
      if ([...added, ...updated, ...removed].some((client) => client !== awareness.clientID)) clamp();
    };
    const resized = new ResizeObserver(clamp);
    resized.observe(editor.view.dom);
    editor.on('transaction', onTransaction);
    awareness.on('change', onAwareness);
    return () => {
      resized.disconnect();
      editor.off('transaction', onTransaction);
      awareness.off('change', onAwareness);
      cancelAnimationFrame(frame);
    };
  }, [editor, collab.provider]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  if (!editor) return <p className="muted">{t('editor.loading')}</p>;
  return (
    // Alt+F10 from the text moves to the formatting toolbar (the toolbars say so with aria-keyshortcuts).
    <div className="editor" hidden={hidden} onKeyDown={toToolbarOnAltF10}>
      {canEdit && <EditorToolbar editor={editor} />}
      {negotiationTools?.(editor)}
      <p className="notice blocked-notice" role="status" aria-live="polite">
        {blocked ? t(`negotiation.blocked.${blocked.reason}` as MessageKey) : ''}
      </p>
      <EditorContent editor={editor} />
    </div>
  );
}
