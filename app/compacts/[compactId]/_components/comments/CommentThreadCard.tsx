'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, type FormEvent } from 'react';
import { ErrorAlert, FormFooter } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import type { Translate } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { COMMENT_BODY_MAX } from '@/shared/comments/comment-rules';
import { CommentItem } from './CommentItem';
import type { PlaceSummary } from './use-comment-highlights';
import type { CommentThread } from './use-comment-threads';
import { scrollBehavior } from '@/app/_lib/motion';

interface Props {
  compactId: string;
  thread: CommentThread;
  place: PlaceSummary | undefined;
  active: boolean;
  onSelect: () => void;
  /** After any change made here: the list is fetched again. */
  onChanged: () => void;
}

function placeNotice(t: Translate, place: PlaceSummary | undefined): string | null {
  if (!place) return null;
  if (place.kind === 'gone') return t('comments.textGone');
  if (place.kind === 'provision') return t('comments.textGoneProvision', { label: place.label ?? '' });
  return place.refound ? t('comments.refound', { label: place.label ?? '' }) : null;
}

/** One thread: the quote it was made on (click: show it in the text), its comments, reply, resolve. */
export function CommentThreadCard({ compactId, thread, place, active, onSelect, onChanged }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const done = { onSuccess: onChanged };
  const reply = useMutation(trpc.comments.reply.mutationOptions(done));
  const resolve = useMutation(trpc.comments.resolve.mutationOptions(done));
  const reopen = useMutation(trpc.comments.reopen.mutationOptions(done));
  const remove = useMutation(trpc.comments.deleteComment.mutationOptions(done));
  const settle = thread.resolved ? reopen : resolve;
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (active) card.current?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }, [active]);
  const notice = placeNotice(t, place);

  const submitReply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get('body') ?? '');
    reply.mutate({ compactId, threadId: thread.id, body }, { onSuccess: () => form.reset() });
  };

  return (
    <article
      ref={card}
      className={`comment-thread${active ? ' active' : ''}${thread.resolved ? ' resolved' : ''}`}
      aria-label={t('comments.on', { quote: thread.quote })}
    >
      <button
        type="button"
        className="comment-quote-button"
        aria-label={t('comments.goTo', { quote: thread.quote })}
        aria-pressed={active}
        onClick={onSelect}
      >
        <q className={place?.kind === 'text' ? undefined : 'gone'}>{thread.quote}</q>
      </button>
      {/* Beside the button, not in it: its name says what it does, and contains all of its visible text. */}
      {place?.label && <span className="badge">{place.label}</span>}
      <div className="comment-badges">
        {thread.visibility === 'delegation' && <span className="badge readonly">{t('comments.delegationBadge')}</span>}
        {thread.resolved && <span className="badge">{t('comments.resolvedBy', { name: thread.resolved.byName })}</span>}
      </div>
      {notice && <p className="muted small">{notice}</p>}
      <ol className="comments">
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            deleting={remove.isPending}
            onDelete={(commentId) => remove.mutate({ compactId, commentId })}
          />
        ))}
      </ol>
      <ErrorAlert error={resolve.error ?? reopen.error ?? remove.error} />
      {thread.can.reply && (
        <form className="stack comment-form" onSubmit={submitReply}>
          <label className="field">
            <span>{t('comments.replyLabel')}</span>
            <textarea name="body" required maxLength={COMMENT_BODY_MAX} rows={2} />
          </label>
          <FormFooter error={reply.error} pending={reply.isPending} label={t('comments.reply')} small />
        </form>
      )}
      {thread.can.settle && (
        <div className="comment-actions">
          <button
            type="button"
            className="button secondary small"
            disabled={settle.isPending}
            onClick={() => settle.mutate({ compactId, threadId: thread.id })}
          >
            {t(thread.resolved ? 'comments.reopen' : 'comments.resolve')}
          </button>
        </div>
      )}
    </article>
  );
}
