'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { REPORTING_FREQUENCIES, type ReportingFrequency } from '@/shared/enums';
import { FormFooter } from '@/app/_components/FormFooter';
import { DUE_SOON_DAYS, REPORTING_DEADLINE_DAYS } from '@/shared/framework/deadline';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { CommitmentsPanel } from './CommitmentsPanel';

interface Settings {
  frequency: ReportingFrequency;
  startDate: string;
  onTrackThreshold: number;
  atRiskThreshold: number;
  requireEvidence: boolean;
  reportingDeadlineDays: number;
}

/** Admins set the reporting calendar and thresholds, and manage commitments. */
export function AdminPanels({
  compactId,
  settings,
  periodCount,
}: {
  compactId: string;
  settings: Settings;
  periodCount: number;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries();
  const configure = useMutation(trpc.framework.configure.mutationOptions({ onSuccess: refresh }));

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
      reportingDeadlineDays: Number(f.get('reportingDeadlineDays')),
    });
  };
  return (
    <>
      <section className="card side-card">
        <h2>{t('framework.settings')}</h2>
        <form className="stack" onSubmit={saveSettings}>
          <label className="field">
            <span>{t('framework.frequency')}</span>
            <select name="frequency" defaultValue={settings.frequency}>
              {REPORTING_FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t(`frequency.${f}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('framework.startDate')}</span>
            <input name="startDate" type="date" required defaultValue={settings.startDate} />
          </label>
          <label className="field">
            <span>{t('framework.periodCount')}</span>
            <input name="periods" type="number" min={1} max={120} required defaultValue={periodCount || 12} />
          </label>
          <ThresholdField name="onTrack" label={t('framework.onTrackThreshold')} share={settings.onTrackThreshold} />
          <ThresholdField name="atRisk" label={t('framework.atRiskThreshold')} share={settings.atRiskThreshold} />
          <DeadlineDaysField days={settings.reportingDeadlineDays} />
          <label className="check">
            <input name="requireEvidence" type="checkbox" defaultChecked={settings.requireEvidence} />{' '}
            {t('framework.requireEvidence')}
          </label>
          <FormFooter error={configure.error} pending={configure.isPending} label={t('framework.saveSettings')} small />
        </form>
      </section>
      <CommitmentsPanel compactId={compactId} />
    </>
  );
}

/** A status threshold, entered in percent of the target (stored as a share). */
function ThresholdField({ name, label, share }: { name: string; label: string; share: number }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input name={name} type="number" min={0} max={200} required defaultValue={Math.round(share * 100)} />
    </label>
  );
}

/** Days after a period ends by which its values are due (the due-soon window is fixed). */
function DeadlineDaysField({ days }: { days: number }) {
  const t = useTranslations();
  const { min, max } = REPORTING_DEADLINE_DAYS;
  return (
    <label className="field">
      <span>{t('framework.reportingDeadlineDays')}</span>
      <input name="reportingDeadlineDays" type="number" min={min} max={max} step={1} required defaultValue={days} />
      <span className="muted small">{t('framework.reportingDeadlineHint', { days: DUE_SOON_DAYS })}</span>
    </label>
  );
}
