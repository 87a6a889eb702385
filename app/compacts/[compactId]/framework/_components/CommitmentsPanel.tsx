'use client';

import { PartyCheckboxes } from '@/app/_components/PartyCheckboxes';
import { PartySelect } from '@/app/_components/PartySelect';
import { ProvisionCitation } from '@/app/_components/framework/ProvisionCitation';
import { ProvisionSelect } from '@/app/_components/framework/ProvisionSelect';
import { COMMITMENT_TEXT_MAX, MAX_SUPPORTING_PARTIES } from '@/shared/framework/commitment-rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, FormFooter } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { useRequestKey } from '@/app/_lib/use-request-key';

/** Admins add, edit and retire commitments (section or provision, lead and supporting parties, deliverable, due date). */
export function CommitmentsPanel({ compactId }: { compactId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries();
  const commitments = useQuery(trpc.commitments.list.queryOptions({ compactId }));
  const create = useMutation(trpc.commitments.create.mutationOptions({ onSuccess: refresh }));
  const [requestKey, renewRequestKey] = useRequestKey();
  const update = useMutation(trpc.commitments.update.mutationOptions({ onSuccess: refresh }));
  const retire = useMutation(trpc.commitments.retire.mutationOptions({ onSuccess: refresh }));
  const [editing, setEditing] = useState<string | null>(null);
  const current = commitments.data?.find((c) => c.id === editing);

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const fields = {
      compactId,
      reference: String(f.get('reference')),
      leadPartyId: String(f.get('leadPartyId')),
      supportingPartyIds: f.getAll('supportingPartyIds').map(String),
      deliverable: String(f.get('deliverable')),
      dueDate: String(f.get('dueDate')) || null,
      narrativeStatus: String(f.get('narrativeStatus') ?? ''),
      provisionId: String(f.get('provisionId') ?? '') || null,
    };
    const done = {
      onSuccess: () => {
        form.reset();
        setEditing(null);
        renewRequestKey();
      },
    };
    if (current) update.mutate({ ...fields, commitmentId: current.id }, done);
    else create.mutate({ ...fields, requestKey }, done);
  };

  return (
    <section className="card side-card">
      <h2>{t('framework.commitments')}</h2>
      <ul className="plain">
        {commitments.data?.map((c) => (
          <li key={c.id}>
            <strong>{c.reference}</strong> — {c.deliverable}
            {c.provisionId && (
              <>
                {' '}
                (<ProvisionCitation compactId={compactId} provision={c.provision} />)
              </>
            )}
            {c.retired ? (
              ` (${t('indicator.state.retired')})`
            ) : (
              <span className="member-controls">
                <button type="button" className="button secondary small" onClick={() => setEditing(c.id)}>
                  {t('framework.editCommitment')}
                </button>
                <button
                  type="button"
                  className="button danger small"
                  onClick={() => retire.mutate({ compactId, commitmentId: c.id })}
                >
                  {t('framework.retireCommitment')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert error={retire.error} />
      <form key={editing ?? 'new'} className="stack" onSubmit={save}>
        <label className="field">
          <span>{t('framework.reference')}</span>
          <input
            name="reference"
            required
            maxLength={COMMITMENT_TEXT_MAX.reference}
            defaultValue={current?.reference}
          />
        </label>
        <ProvisionSelect compactId={compactId} defaultValue={current?.provisionId ?? null} />
        <PartySelect name="leadPartyId" label="framework.leadParty" defaultValue={current?.leadPartyId} />
        <PartyCheckboxes
          name="supportingPartyIds"
          legend="framework.supportingParties"
          defaultValue={current?.supportingPartyIds}
          hint={t('framework.supportingPartiesHint', { max: MAX_SUPPORTING_PARTIES })}
        />
        <label className="field">
          <span>{t('framework.deliverable')}</span>
          <input
            name="deliverable"
            required
            maxLength={COMMITMENT_TEXT_MAX.deliverable}
            defaultValue={current?.deliverable}
          />
        </label>
        <label className="field">
          <span>{t('framework.dueDate')}</span>
          <input name="dueDate" type="date" defaultValue={current?.dueDate ?? ''} />
        </label>
        <label className="field">
          <span>{t('progress.narrative')}</span>
          <input
            name="narrativeStatus"
            maxLength={COMMITMENT_TEXT_MAX.narrativeStatus}
            defaultValue={current?.narrativeStatus}
          />
        </label>
        <FormFooter
          error={create.error ?? update.error}
          pending={create.isPending || update.isPending}
          label={current ? t('framework.saveCommitment') : t('framework.addCommitment')}
          small
        />
        {current && (
          <button type="button" className="button secondary small" onClick={() => setEditing(null)}>
            {t('framework.cancel')}
          </button>
        )}
      </form>
    </section>
  );
}
