'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormFooter } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { VERSION_LIMITS } from '@/shared/history/version-rules';
import { StatusNotice } from '@/app/_components/StatusNotice';

/** Names the text as stored now ("Rev.1"), with an optional document symbol and note (admins and negotiators). */
export function NameVersionForm({ compactId }: { compactId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [made, setMade] = useState<string | null>(null);
  const create = useMutation(
    trpc.versions.create.mutationOptions({
      onSuccess: (version) => {
        setMade(t('history.named', { name: version.name ?? '', number: version.number }));
        void queryClient.invalidateQueries({ queryKey: trpc.versions.list.pathKey() });
      },
    }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setMade(null);
    create.mutate(
      {
        compactId,
        name: String(form.get('name')),
        symbol: String(form.get('symbol') ?? ''),
        note: String(form.get('note') ?? ''),
      },
      { onSuccess: () => formElement.reset() },
    );
  };
  return (
    <details className="card name-version">
      <summary>{t('history.nameVersion')}</summary>
      <form className="stack" onSubmit={submit}>
        <p className="muted small">{t('history.nameVersionIntro')}</p>
        <label className="field">
          <span>{t('history.versionName')}</span>
          <input name="name" required maxLength={VERSION_LIMITS.name} placeholder="Rev.1" />
        </label>
        <label className="field">
          <span>{t('history.versionSymbol')}</span>
          <input name="symbol" maxLength={VERSION_LIMITS.symbol} placeholder="S/2027/123/Rev.1" />
        </label>
        <label className="field">
          <span>{t('history.versionNote')}</span>
          <textarea name="note" rows={3} maxLength={VERSION_LIMITS.note} />
        </label>
        <FormFooter error={create.error} pending={create.isPending} label={t('history.nameVersionSubmit')} />
        <StatusNotice className="alert success">{made}</StatusNotice>
      </form>
    </details>
  );
}
