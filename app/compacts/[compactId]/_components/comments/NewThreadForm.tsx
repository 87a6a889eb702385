'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, type FormEvent } from 'react';
import { FormFooter } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { COMMENT_BODY_MAX } from '@/shared/comments/comment-rules';
import type { SelectionAnchor } from './selection-anchor';

interface Props {
  compactId: string;
  draft: SelectionAnchor;
  partyCode: string;
  /** Called with the new thread's id once posted, or null when cancelled. */
  onDone: (threadId: string | null) => void;
}

/** The first comment of a thread on the selected words, with who may see it. */
export function NewThreadForm({ compactId, draft, partyCode, onDone }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const create = useMutation(trpc.comments.create.mutationOptions({ onSuccess: (thread) => onDone(thread.id) }));
  useEffect(() => bodyRef.current?.focus(), [draft]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      compactId,
      anchor: draft.anchor,
      provisionId: draft.provisionId,
      visibility: form.get('visibility') === 'delegation' ? 'delegation' : 'all',
      body: String(form.get('body') ?? ''),
    });
  };

  return (
    <form className="stack comment-form" onSubmit={submit} aria-label={t('comments.newThread')}>
      <p className="comment-quote">{t('comments.on', { quote: draft.preview })}</p>
      <fieldset className="comment-visibility">
        <legend>{t('comments.visibilityLegend')}</legend>
        <label className="check">
          <input type="radio" name="visibility" value="all" defaultChecked /> {t('comments.visibility.all')}
        </label>
        <label className="check">
          <input type="radio" name="visibility" value="delegation" />{' '}
          {t('comments.visibility.delegation', { party: partyCode })}
        </label>
      </fieldset>
      <label className="field">
        <span>{t('comments.body')}</span>
        <textarea ref={bodyRef} name="body" required maxLength={COMMENT_BODY_MAX} rows={3} />
      </label>
      <div className="comment-actions">
        <FormFooter error={create.error} pending={create.isPending} label={t('comments.post')} small />
        <button type="button" className="button secondary small" onClick={() => onDone(null)}>
          {t('comments.cancel')}
        </button>
      </div>
    </form>
  );
}
