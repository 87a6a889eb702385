'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { PARTY_KINDS, type PartyKind } from '@/shared/enums';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { FormFooter } from '@/app/_components/FormFooter';

export function PartiesPanel() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const parties = useQuery(trpc.parties.list.queryOptions());
  const create = useMutation(
    trpc.parties.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.parties.list.queryKey() }),
    }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        name: String(form.get('name')),
        shortCode: String(form.get('shortCode')),
        kind: String(form.get('kind')) as PartyKind,
      },
      { onSuccess: () => formElement.reset() },
    );
  };
  return (
    <section className="card">
      <h2>{t('admin.parties')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('admin.partyName')}</th>
            <th>{t('admin.partyCode')}</th>
            <th>{t('admin.partyKind')}</th>
          </tr>
        </thead>
        <tbody>
          {parties.data?.map((party) => (
            <tr key={party.id}>
              <td>{party.name}</td>
              <td>{party.shortCode}</td>
              <td>{t(`partyKind.${party.kind}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('admin.newParty')}</h3>
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>{t('admin.partyName')}</span>
          <input name="name" required minLength={2} maxLength={160} />
        </label>
        <label className="field">
          <span>{t('admin.partyCode')}</span>
          <input name="shortCode" required minLength={2} maxLength={16} pattern="[A-Za-z0-9-]+" />
        </label>
        <label className="field">
          <span>{t('admin.partyKind')}</span>
          <select name="kind">
            {PARTY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`partyKind.${kind}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <FormFooter error={create.error} pending={create.isPending} label={t('admin.createParty')} small />
      </form>
    </section>
  );
}
