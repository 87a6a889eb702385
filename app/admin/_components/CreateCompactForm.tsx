'use client';

import { PartySelect } from '@/app/_components/PartySelect';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import type { FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { FormFooter } from '@/app/_components/FormFooter';
import { useRequestKey } from '@/app/_lib/use-request-key';

export function CreateCompactForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const [requestKey, renewRequestKey] = useRequestKey();
  const create = useMutation(trpc.compacts.create.mutationOptions());
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        title: String(form.get('title')),
        description: String(form.get('description') ?? ''),
        partyId: String(form.get('partyId')),
        requestKey,
      },
      {
        onSuccess: () => {
          formElement.reset();
          renewRequestKey();
        },
      },
    );
  };
  return (
    <section className="card">
      <h2>{t('admin.compacts')}</h2>
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>{t('admin.compactTitle')}</span>
          <input name="title" required minLength={3} maxLength={200} />
        </label>
        <label className="field">
          <span>{t('admin.compactDescription')}</span>
          <textarea name="description" maxLength={2000} rows={3} />
        </label>
        <PartySelect name="partyId" label="admin.compactParty" required />
        <FormFooter error={create.error} pending={create.isPending} label={t('admin.createCompact')} small />
      </form>
      {create.data && (
        <p className="alert success">
          {t('admin.compactCreated')} <Link href={`/compacts/${create.data.id}`}>{create.data.title}</Link>
        </p>
      )}
    </section>
  );
}
