'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { useTRPC } from '@/app/_lib/trpc';
import { mayMoveFinding, REVIEW_LIMITS, type FindingStatus } from '@/shared/reviews/review-rules';

type Finding = RouterOutputs['reviews']['findings'][number];

/** Mark a question answered, or close a finding or question, with an optional answer or reason. */
export function FindingActions({ compactId, finding }: { compactId: string; finding: Finding }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [resolution, setResolution] = useState('');
  const move = useMutation(
    trpc.reviews.setFindingStatus.mutationOptions({
      onSuccess: () => {
        setResolution('');
        void queryClient.invalidateQueries({ queryKey: trpc.reviews.findings.pathKey() });
      },
    }),
  );
  const moves = (['answered', 'closed'] as const).filter((to) => mayMoveFinding(finding.kind, finding.status, to));
  if (moves.length === 0) return null;
  const act = (status: FindingStatus) =>
    move.mutate({ compactId, findingId: finding.id, status, resolution: resolution.trim() || null });
  return (
    <div className="finding-actions">
      <label className="field">
        <span className="small">{t('reviews.answer')}</span>
        <textarea
          rows={2}
          value={resolution}
          maxLength={REVIEW_LIMITS.resolution}
          onChange={(event) => setResolution(event.target.value)}
        />
      </label>
      {moves.map((to) => (
        <button
          key={to}
          type="button"
          className="button small secondary"
          disabled={move.isPending}
          onClick={() => act(to)}
        >
          {to === 'answered' ? t('reviews.markAnswered') : t('reviews.close')}
        </button>
      ))}
      <ErrorAlert error={move.error} />
    </div>
  );
}
