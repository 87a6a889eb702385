'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { FormFooter } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import type { SnapshotIndicator } from '@/shared/reviews/indicator-snapshot';
import { REVIEW_LIMITS, type FindingSubject } from '@/shared/reviews/review-rules';

/** "provision:<id>", "indicator:<id>" or "general", as the subject select carries it. */
function subjectOf(choice: string): { subjectType: FindingSubject; subjectId: string | null } {
  const [type, id] = choice.split(':', 2);
  return type === 'provision' || type === 'indicator'
    ? { subjectType: type, subjectId: id ?? null }
    : { subjectType: 'general', subjectId: null };
}

/** Records a finding or question about a provision, an indicator or the compact (reviewers and administrators). */
export function FindingForm({
  compactId,
  cycleId,
  indicators,
}: {
  compactId: string;
  cycleId: string;
  indicators: Pick<SnapshotIndicator, 'id' | 'code' | 'title'>[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const provisions = useQuery(trpc.provisions.list.queryOptions({ compactId }));
  const add = useMutation(
    trpc.reviews.addFinding.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.reviews.findings.pathKey() }),
    }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    add.mutate(
      {
        compactId,
        cycleId,
        ...subjectOf(String(form.get('subject'))),
        kind: form.get('kind') === 'question' ? 'question' : 'finding',
        body: String(form.get('body')),
      },
      { onSuccess: () => formElement.reset() },
    );
  };
  return (
    <form className="stack finding-form" onSubmit={submit}>
      <h3>{t('reviews.addTitle')}</h3>
      <label className="field">
        <span>{t('reviews.addSubject')}</span>
        <select name="subject" defaultValue="general">
          <option value="general">{t('reviews.subject.general')}</option>
          {(provisions.data ?? []).map((provision) => (
            <option key={provision.id} value={`provision:${provision.id}`}>
              {provision.label} — {provision.firstWords}
            </option>
          ))}
          {indicators.map((indicator) => (
            <option key={indicator.id} value={`indicator:${indicator.id}`}>
              {indicator.code} — {indicator.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('reviews.addKind')}</span>
        <select name="kind" defaultValue="finding">
          <option value="finding">{t('reviews.kind.finding')}</option>
          <option value="question">{t('reviews.kind.question')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('reviews.addBody')}</span>
        <textarea name="body" rows={4} required maxLength={REVIEW_LIMITS.body} />
      </label>
      <FormFooter error={add.error} pending={add.isPending} label={t('reviews.addSubmit')} small />
    </form>
  );
}
