'use client';

import { PartySelect } from '@/app/_components/PartySelect';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import {
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  REPORTING_FREQUENCIES,
} from '@/shared/enums';
import {
  INDICATOR_TEXT_MAX,
  INDICATOR_CODE_MAX_LENGTH,
  INDICATOR_CODE_PATTERN_SOURCE,
  INDICATOR_TITLE_MAX_LENGTH,
} from '@/shared/framework/indicator-rules';
import { useTranslations } from 'next-intl';
import { problemText } from '@/i18n/problem';
import type { MessageKey } from '@/i18n/types';
import type { IndicatorRecord, RouterInputs } from '@/app/_lib/router-types';
import { useTRPC } from '@/app/_lib/trpc';
import { useRequestKey } from '@/app/_lib/use-request-key';
import { FormFooter } from '../FormFooter';
import { ProvisionSelect } from './ProvisionSelect';
import { parseNumberInput } from '@/shared/framework/number-input';

type IndicatorInput = RouterInputs['indicators']['create'];

function Select<T extends string>({
  name,
  label,
  options,
  value,
  prefix,
}: {
  name: string;
  label: MessageKey;
  options: readonly T[];
  value?: T;
  prefix: string;
}) {
  const t = useTranslations();
  return (
    <label className="field">
      <span>{t(label)}</span>
      <select name={name} defaultValue={value}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${prefix}.${o}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Create (admin), propose (negotiator) or edit (admin) an indicator definition. */
export function IndicatorForm({
  compactId,
  mode,
  existing,
}: {
  compactId: string;
  mode: 'create' | 'propose' | 'edit';
  existing?: IndicatorRecord;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  // A field the form itself refuses before asking the server (a number written with a comma).
  const [problem, setProblem] = useState<string | null>(null);
  const router = useRouter();
  const commitments = useQuery(trpc.commitments.list.queryOptions({ compactId }));
  const go = (id: string) => router.push(`/compacts/${compactId}/indicators/${id}`);
  const create = useMutation(trpc.indicators.create.mutationOptions({ onSuccess: (i) => go(i.id) }));
  // One key per visit of the form: a double click creates one indicator (the form is left on success).
  const [requestKey] = useRequestKey();
  const propose = useMutation(trpc.indicators.propose.mutationOptions({ onSuccess: (i) => go(i.id) }));
  const update = useMutation(trpc.indicators.update.mutationOptions({ onSuccess: (i) => go(i.id) }));
  const mutation = mode === 'create' ? create : mode === 'propose' ? propose : update;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (name: string) => String(f.get(name) ?? '').trim();
    const baseline = parseNumberInput(text('baselineValue'));
    setProblem(baseline.ok ? null : problemText(t, baseline.problem));
    if (!baseline.ok) return;
    const definition = {
      compactId,
      code: text('code'),
      title: text('title'),
      description: text('description'),
      level: text('level') as IndicatorInput['level'],
      measure: text('measure') as IndicatorInput['measure'],
      unit: text('unit'),
      direction: text('direction') as IndicatorInput['direction'],
      aggregation: text('aggregation') as IndicatorInput['aggregation'],
      baselineValue: baseline.value,
      baselineDate: text('baselineDate') || null,
      reportingFrequency: text('reportingFrequency') as IndicatorInput['reportingFrequency'],
      meansOfVerification: text('meansOfVerification'),
      responsiblePartyId: text('responsiblePartyId'),
      commitmentId: text('commitmentId') || null,
      sectionRef: text('sectionRef'),
      provisionId: text('provisionId') || null,
      disaggregation: text('disaggregation')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
    };
    if (mode === 'edit' && existing) update.mutate({ ...definition, indicatorId: existing.id });
    else if (mode === 'create') create.mutate({ ...definition, requestKey });
    else propose.mutate(definition);
  };

  return (
    <form className="stack indicator-form" onSubmit={submit}>
      <div className="form-grid">
        <label className="field">
          <span>{t('framework.code')}</span>
          <input
            name="code"
            required
            maxLength={INDICATOR_CODE_MAX_LENGTH}
            pattern={INDICATOR_CODE_PATTERN_SOURCE}
            defaultValue={existing?.code}
          />
        </label>
        <label className="field wide">
          <span>{t('indicator.title')}</span>
          <input name="title" required maxLength={INDICATOR_TITLE_MAX_LENGTH} defaultValue={existing?.title} />
        </label>
        <label className="field wide">
          <span>{t('indicator.description')}</span>
          <textarea
            name="description"
            rows={2}
            maxLength={INDICATOR_TEXT_MAX.description}
            defaultValue={existing?.description}
          />
        </label>
        <Select
          name="level"
          label="framework.level"
          options={INDICATOR_LEVELS}
          value={existing?.level}
          prefix="level"
        />
        <Select
          name="measure"
          label="indicator.measure"
          options={INDICATOR_MEASURES}
          value={existing?.measure}
          prefix="measure"
        />
        <label className="field">
          <span>{t('indicator.unit')}</span>
          <input name="unit" maxLength={INDICATOR_TEXT_MAX.unit} defaultValue={existing?.unit} />
        </label>
        <Select
          name="direction"
          label="indicator.direction"
          options={INDICATOR_DIRECTIONS}
          value={existing?.direction}
          prefix="direction"
        />
        <Select
          name="aggregation"
          label="indicator.aggregation"
          options={INDICATOR_AGGREGATIONS}
          value={existing?.aggregation}
          prefix="aggregation"
        />
        <Select
          name="reportingFrequency"
          label="indicator.frequency"
          options={REPORTING_FREQUENCIES}
          value={existing?.reportingFrequency ?? 'quarterly'}
          prefix="frequency"
        />
        <label className="field">
          <span>{t('indicator.baselineValue')}</span>
          <input name="baselineValue" inputMode="decimal" defaultValue={existing?.baselineValue ?? ''} />
        </label>
        <label className="field">
          <span>{t('indicator.baselineDate')}</span>
          <input name="baselineDate" type="date" defaultValue={existing?.baselineDate ?? ''} />
        </label>
        <PartySelect name="responsiblePartyId" label="framework.party" defaultValue={existing?.responsiblePartyId} />
        <label className="field">
          <span>{t('indicator.commitment')}</span>
          <select name="commitmentId" defaultValue={existing?.commitmentId ?? ''}>
            <option value="">{t('indicator.none')}</option>
            {commitments.data
              ?.filter((c) => !c.retired)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.reference} — {c.deliverable}
                </option>
              ))}
          </select>
        </label>
        <label className="field">
          <span>{t('indicator.section')}</span>
          <input name="sectionRef" maxLength={INDICATOR_TEXT_MAX.sectionRef} defaultValue={existing?.sectionRef} />
        </label>
        <ProvisionSelect compactId={compactId} defaultValue={existing?.provisionId ?? null} />
        <label className="field">
          <span>{t('indicator.disaggregation')}</span>
          <input
            name="disaggregation"
            placeholder={t('indicator.disaggregationExample')}
            defaultValue={existing?.disaggregation.join(', ')}
          />
        </label>
        <label className="field wide">
          <span>{t('indicator.meansOfVerification')}</span>
          <input
            name="meansOfVerification"
            maxLength={INDICATOR_TEXT_MAX.meansOfVerification}
            defaultValue={existing?.meansOfVerification}
          />
        </label>
      </div>
      {problem ? (
        <p className="alert error" role="alert">
          {problem}
        </p>
      ) : null}
      <FormFooter
        error={mutation.error}
        pending={mutation.isPending}
        label={mode === 'propose' ? t('framework.proposeIndicator') : t('indicator.save')}
      />
    </form>
  );
}
