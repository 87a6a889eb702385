'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CONFIDENCE_LEVELS, RATINGS } from '@/shared/enums';
import { useTranslations } from 'next-intl';
import { problemText } from '@/i18n/problem';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { ErrorAlert } from '../FormFooter';
import { evidenceLinksProblem, periodNotStartedProblem, PROGRESS_TEXT_MAX } from '@/shared/framework/progress-rules';
import { dictionary } from '@/shared/reserved-keys';
import { parseNumberInput } from '@/shared/framework/number-input';
import { checkProgress, formatCategories, CategoryProblem, parseCategories } from './progress-form-values';
import { EvidenceUpload } from './EvidenceUpload';
import { StatusNotice } from '@/app/_components/StatusNotice';

export interface ProgressFormIndicator {
  id: string;
  code: string;
  title: string;
  measure: 'number' | 'percentage' | 'qualitative';
  unit: string;
  disaggregation: string[];
}

export interface ExistingUpdate {
  id: string;
  periodId: string;
  value: number | null;
  rating: (typeof RATINGS)[number] | null;
  narrative: string;
  disaggregated: Record<string, Record<string, number>>;
  evidenceLinks: string[];
  confidence: (typeof CONFIDENCE_LEVELS)[number];
  comment: string;
  state: string;
  /** Evidence files already attached (listed beside the upload). */
  files?: { id: string; filename: string }[];
}

interface Props {
  compactId: string;
  indicator: ProgressFormIndicator;
  periods: { id: string; label: string; startsOn?: string }[];
  periodId: string;
  existing?: ExistingUpdate;
  compact?: boolean;
  /** The compact requires evidence before submitting: checked here too, before anything is sent. */
  evidenceRequired?: boolean;
  hasFiles?: boolean;
}

/** Draft and submit one progress update, with inline checks, evidence links and files. */
export function ProgressForm({
  compactId,
  indicator,
  periods,
  periodId,
  existing,
  compact = false,
  evidenceRequired = false,
  hasFiles = false,
}: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [updateId, setUpdateId] = useState(existing?.id);
  const refresh = () => queryClient.invalidateQueries();
  const save = useMutation(trpc.progress.saveDraft.mutationOptions({ onSuccess: refresh }));
  const submit = useMutation(trpc.progress.submit.mutationOptions({ onSuccess: refresh }));
  const qualitative = indicator.measure === 'qualitative';
  const files = existing?.files ?? [];
  const prefix = `${indicator.code}-${periodId}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const andSubmit = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'submit';
    const f = new FormData(event.currentTarget);
    setProblem(null);
    setNotice(null);
    const disaggregated = dictionary<Record<string, number>>();
    try {
      for (const dimension of indicator.disaggregation) {
        const text = String(f.get(`dim-${dimension}`) ?? '').trim();
        if (text) disaggregated[dimension] = parseCategories(text);
      }
    } catch (error) {
      if (!(error instanceof CategoryProblem)) throw error;
      return setProblem(problemText(t, error.problem));
    }
    const parsedValue = parseNumberInput(qualitative ? '' : String(f.get('value') ?? ''));
    if (!parsedValue.ok) return setProblem(problemText(t, parsedValue.problem));
    const value = parsedValue.value;
    const rating = qualitative ? ((String(f.get('rating')) || null) as (typeof RATINGS)[number] | null) : null;
    const check = checkProgress(indicator, { value, rating, disaggregated });
    if (check) return setProblem(problemText(t, check));
    const links = String(f.get('evidence') ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const linkProblem = evidenceLinksProblem(links);
    if (linkProblem) return setProblem(problemText(t, linkProblem));
    if (andSubmit && evidenceRequired && links.length === 0 && !hasFiles && files.length === 0)
      return setProblem(t('progress.evidenceRequired'));
    const input = {
      compactId,
      updateId,
      indicatorId: indicator.id,
      periodId: String(f.get('periodId') ?? periodId),
      value,
      rating,
      narrative: String(f.get('narrative') ?? ''),
      disaggregated,
      evidenceLinks: links,
      confidence: String(f.get('confidence')) as (typeof CONFIDENCE_LEVELS)[number],
      comment: String(f.get('comment') ?? ''),
    };
    const saved = await save.mutateAsync(input).catch(() => null);
    if (!saved) return;
    setUpdateId(saved.id);
    if (andSubmit) {
      const done = await submit.mutateAsync({ compactId, updateId: saved.id }).catch(() => null);
      if (done) setNotice(t('progress.submitted'));
    } else setNotice(t('progress.saved'));
  };

  return (
    <form
      className={`progress-form${compact ? ' compact' : ''}`}
      onSubmit={onSubmit}
      aria-label={`${indicator.code} ${indicator.title}`}
    >
      {!compact && (
        <label className="field">
          <span>{t('progress.period')}</span>
          <select name="periodId" defaultValue={existing?.periodId ?? periodId} disabled={Boolean(updateId)}>
            {periods
              .filter(
                (p) =>
                  !p.startsOn ||
                  !periodNotStartedProblem({ label: p.label, startsOn: p.startsOn }) ||
                  p.id === existing?.periodId,
              )
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
          </select>
        </label>
      )}
      {qualitative ? (
        <label className="field">
          <span>{t('progress.rating')}</span>
          <select name="rating" defaultValue={existing?.rating ?? ''} id={`${prefix}-rating`}>
            <option value="">—</option>
            {RATINGS.map((r) => (
              <option key={r} value={r}>
                {t(`status.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label className="field">
          <span>
            {t('progress.value')}
            {indicator.unit ? ` (${indicator.unit})` : ''}
          </span>
          <input
            name="value"
            inputMode="decimal"
            defaultValue={existing?.value ?? ''}
            aria-describedby={problem ? `${prefix}-problem` : undefined}
          />
        </label>
      )}
      <label className="field">
        <span>{t('progress.narrative')}</span>
        <textarea
          name="narrative"
          rows={2}
          maxLength={PROGRESS_TEXT_MAX.narrative}
          defaultValue={existing?.narrative}
        />
      </label>
      {indicator.disaggregation.map((dimension) => (
        <label key={dimension} className="field">
          <span>{t('progress.byDimension', { dimension })}</span>
          <input name={`dim-${dimension}`} defaultValue={formatCategories(existing?.disaggregated, dimension)} />
        </label>
      ))}
      <label className="field">
        <span>{t('progress.confidence')}</span>
        <select name="confidence" defaultValue={existing?.confidence ?? 'medium'}>
          {CONFIDENCE_LEVELS.map((c) => (
            <option key={c} value={c}>
              {t(`confidence.${c}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('progress.evidence')}</span>
        <textarea name="evidence" rows={compact ? 1 : 2} defaultValue={existing?.evidenceLinks.join('\n')} />
      </label>
      <label className="field">
        <span>{t('progress.comment')}</span>
        <input name="comment" maxLength={PROGRESS_TEXT_MAX.comment} defaultValue={existing?.comment} />
      </label>
      {problem && (
        <p id={`${prefix}-problem`} className="alert error" role="alert">
          {problem}
        </p>
      )}
      <ErrorAlert error={save.error ?? submit.error} />
      <StatusNotice className="alert success">{notice}</StatusNotice>
      <div className="member-controls">
        <button
          type="submit"
          name="action"
          value="draft"
          className="button secondary small"
          disabled={save.isPending || submit.isPending}
        >
          {t('progress.saveDraft')}
        </button>
        <button
          type="submit"
          name="action"
          value="submit"
          className="button primary small"
          disabled={save.isPending || submit.isPending}
        >
          {t('progress.submit')}
        </button>
      </div>
      {updateId ? (
        <EvidenceUpload compactId={compactId} updateId={updateId} files={files} />
      ) : (
        <p className="muted small">{t('progress.saveToAttach')}</p>
      )}
    </form>
  );
}
