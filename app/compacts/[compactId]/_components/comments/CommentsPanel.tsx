'use client';

import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { CommentThreadCard } from './CommentThreadCard';
import { NewThreadForm } from './NewThreadForm';
import { SelectionCommentButton } from './SelectionCommentButton';
import { selectionAnchor, type SelectionAnchor } from './selection-anchor';
import { scrollToThread, useAnchorPlaces, useCommentHighlights } from './use-comment-highlights';
import { useCommentThreads } from './use-comment-threads';

interface Props {
  compactId: string;
  /** The compact's editor, once it shows the text (read-only roles comment too). */
  editor: Editor | null;
  /** The viewer's party code here (delegation-only threads are seen by its members only). */
  partyCode: string;
  /** Whether the viewer may start threads (no one may in an archived compact). */
  mayComment: boolean;
}

/** Ctrl+Alt+M anywhere on the page (a read-only editor never holds the focus). */
function useCommentShortcut(start: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.ctrlKey &&
        event.altKey &&
        !event.shiftKey &&
        (event.code === 'KeyM' || event.key.toLowerCase() === 'm')
      ) {
        event.preventDefault();
        start();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [start]);
}

/** The compact's comment threads beside the text, and new threads on selected words. */
export function CommentsPanel({ compactId, editor, partyCode, mayComment }: Props) {
  const t = useTranslations();
  const { query, threads, refresh } = useCommentThreads(compactId);
  const [draft, setDraft] = useState<SelectionAnchor | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  useCommentHighlights(editor, threads, activeId, setActiveId);
  const places = useAnchorPlaces(editor);

  const start = useCallback(() => {
    if (!editor || !mayComment) return;
    const found = selectionAnchor(editor);
    setProblem('problem' in found ? found.problem : null);
    setDraft('problem' in found ? null : found);
  }, [editor, mayComment]);
  useCommentShortcut(start);

  const select = (threadId: string) => {
    setActiveId(threadId);
    if (editor) scrollToThread(editor, threadId);
  };
  const shown = threads.filter((thread) => showResolved || !thread.resolved || thread.id === activeId);

  return (
    <section className="card side-card comments-panel" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title')}</h2>
      {mayComment && editor && !draft && <SelectionCommentButton editor={editor} onComment={start} />}
      {mayComment && <p className="muted small">{t('comments.hint')}</p>}
      {problem && (
        <p className="alert error" role="alert">
          {t(problem)}
        </p>
      )}
      {draft && (
        <NewThreadForm
          compactId={compactId}
          draft={draft}
          partyCode={partyCode}
          onDone={(threadId) => {
            setDraft(null);
            if (threadId) {
              setActiveId(threadId);
              void refresh();
            }
          }}
        />
      )}
      <label className="check">
        <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />{' '}
        {t('comments.showResolved')}
      </label>
      <ErrorAlert error={query.error} />
      {query.isSuccess && shown.length === 0 && <p className="muted">{t('comments.none')}</p>}
      <ul className="comment-threads" aria-label={t('comments.threadsLabel')}>
        {shown.map((thread) => (
          <li key={thread.id}>
            <CommentThreadCard
              compactId={compactId}
              thread={thread}
              place={places[thread.id]}
              active={thread.id === activeId}
              onSelect={() => select(thread.id)}
              onChanged={() => void refresh()}
            />
          </li>
        ))}
      </ul>
      {query.hasNextPage && (
        <button
          type="button"
          className="button secondary small"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t('comments.more')}
        </button>
      )}
    </section>
  );
}
