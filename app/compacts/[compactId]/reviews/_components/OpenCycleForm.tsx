'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormFooter } from '@/app/_components/FormFooter';
import { useNow, useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { REVIEW_LIMITS } from '@/shared/reviews/review-rules';
import { StatusNotice } from '@/app/_components/StatusNotice';

/** Opens a review cycle: a name and a cut-off date, not in the future (administrators). */
export function OpenCycleForm({ compactId }: { compactId: string }) {
  const t = useTranslations();
  // The request's moment (from the provider): the server and the browser agree on today.
  const now = useNow();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState<string | null>(null);
  const today = now.toISOString().slice(0, 10);
  const open = useMutation(
    trpc.reviews.open.mutationOptions({
      onSuccess: (cycle) => {
        setOpened(t('reviews.opened', { name: cycle.name }));
        void queryClient.invalidateQueries({ queryKey: trpc.reviews.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.versions.list.pathKey() });
      },
    }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setOpened(null);
    open.mutate(
      { compactId, name: String(form.get('name')), cutOff: String(form.get('cutOff')) },
      { onSuccess: () => formElement.reset() },
    );
  };
  return (
    <details className="card">
      <summary>{t('reviews.openCycle')}</summary>
      <form className="stack" onSubmit={submit}>
        <p className="muted small">{t('reviews.openIntro')}</p>
        <label className="field">
          <span>{t('reviews.name')}</span>
          <input name="name" required maxLength={REVIEW_LIMITS.name} placeholder={t('reviews.nameExample')} />
        </label>
        <label className="field">
          <span>{t('reviews.cutOff')}</span>
          <input name="cutOff" type="date" required max={today} />
        </label>
        <FormFooter error={open.error} pending={open.isPending} label={t('reviews.openSubmit')} />
        <StatusNotice className="alert success">{opened}</StatusNotice>
      </form>
    </details>
  );
}
