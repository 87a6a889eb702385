'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { REPORTING_FREQUENCIES, type ReportingFrequency } from '../../../../../db/enums';
import { FormFooter } from '../../../../_components/FormFooter';
import { t, type MessageKey } from '../../../../_lib/messages';
import { useTRPC } from '../../../../_lib/trpc';

interface Settings {
  frequency: ReportingFrequency;
  startDate: string;
  onTrackThreshold: number;
  atRiskThreshold: number;
  requireEvidence: boolean;
}

/** Admins set the reporting calendar, thresholds and commitments. */
export function AdminPanels({ compactId, settings, periodCount }: { compactId: string; settings: Settings; periodCount: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries();
  const configure = useMutation(trpc.framework.configure.mutationOptions({ onSuccess: refresh }));
  const parties = useQuery(trpc.parties.list.queryOptions());
  const commitments = useQuery(trpc.commitments.list.queryOptions({ compactId }));
  const addCommitment = useMutation(trpc.commitments.create.mutationOptions({ onSuccess: refresh }));

  const saveSettings = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    configure.mutate({
      compactId,
      frequency: String(f.get('frequency')) as ReportingFrequency,
      startDate: String(f.get('startDate')),
      periods: Number(f.get('periods')),
      onTrackThreshold: Number(f.get('onTrack')) / 100,
      atRiskThreshold: Number(f.get('atRisk')) / 100,
      requireEvidence: f.get('requireEvidence') === 'on',
    });
  };
  const saveCommitment = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    addCommitment.mutate(
      { compactId, reference: String(f.get('reference')), leadPartyId: String(f.get('leadPartyId')), supportingPartyIds: [], deliverable: String(f.get('deliverable')), dueDate: String(f.get('dueDate')) || null, narrativeStatus: '' },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <>
      <section className="card side-card">
        <h2>{t('framework.settings')}</h2>
        <form className="stack" onSubmit={saveSettings}>
          <label className="field"><span>{t('framework.frequency')}</span>
            <select name="frequency" defaultValue={settings.frequency}>
              {REPORTING_FREQUENCIES.map((f) => <option key={f} value={f}>{t(`frequency.${f}` as MessageKey)}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('framework.startDate')}</span><input name="startDate" type="date" required defaultValue={settings.startDate} /></label>
          <label className="field"><span>{t('framework.periodCount')}</span><input name="periods" type="number" min={1} max={120} required defaultValue={periodCount || 12} /></label>
          <label className="field"><span>{t('framework.onTrackThreshold')}</span><input name="onTrack" type="number" min={0} max={200} required defaultValue={Math.round(settings.onTrackThreshold * 100)} /></label>
          <label className="field"><span>{t('framework.atRiskThreshold')}</span><input name="atRisk" type="number" min={0} max={200} required defaultValue={Math.round(settings.atRiskThreshold * 100)} /></label>
          <label className="check"><input name="requireEvidence" type="checkbox" defaultChecked={settings.requireEvidence} /> {t('framework.requireEvidence')}</label>
          <FormFooter error={configure.error} pending={configure.isPending} label={t('framework.saveSettings')} small />
        </form>
      </section>
      <section className="card side-card">
        <h2>{t('framework.commitments')}</h2>
        <ul className="plain">
          {commitments.data?.map((c) => <li key={c.id}><strong>{c.reference}</strong> — {c.deliverable}{c.retired && ` (${t('indicator.state.retired')})`}</li>)}
        </ul>
        <form className="stack" onSubmit={saveCommitment}>
          <label className="field"><span>{t('framework.reference')}</span><input name="reference" required maxLength={200} /></label>
          <label className="field"><span>{t('framework.leadParty')}</span>
            <select name="leadPartyId">{parties.data?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
          </label>
          <label className="field"><span>{t('framework.deliverable')}</span><input name="deliverable" required maxLength={2000} /></label>
          <label className="field"><span>{t('framework.dueDate')}</span><input name="dueDate" type="date" /></label>
          <FormFooter error={addCommitment.error} pending={addCommitment.isPending} label={t('framework.addCommitment')} small />
        </form>
      </section>
    </>
  );
}
