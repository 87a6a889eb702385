'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { RATINGS } from '@/shared/enums';
import { ErrorAlert } from '@/app/_components/FormFooter';
import {
  ProgressForm,
  type ExistingUpdate,
  type ProgressFormIndicator,
} from '@/app/_components/framework/ProgressForm';
import { VALIDATION_NOTE_MAX } from '@/shared/framework/progress-rules';
import { UpdateDetails } from '@/app/_components/framework/UpdateDetails';
import { OneLineForm } from '@/app/_components/framework/OneLineForm';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { indicatorValue, moment } from '@/i18n/format';

interface Update extends ExistingUpdate {
  createdBy: string;
  createdByName: string;
  createdByPartyId: string;
  submittedBy: string | null;
  submittedByName: string | null;
  decidedByName: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  supersedesId: string | null;
  validatedRating: string | null;
  validationNote: string | null;
  discussion: { body: string; author: string; createdAt: Date }[];
  files: { id: string; filename: string; size: number }[];
  /** What the viewer may do with this update, as the server's policies answer it. */
  can: { edit: boolean; validate: boolean; return: boolean; discuss: boolean };
}

interface Props {
  compactId: string;
  indicator: ProgressFormIndicator;
  periods: { id: string; label: string }[];
  updates: Update[];
  evidenceRequired: boolean;
}

/** Every update with who and when, evidence and discussion, and the actions the viewer may take. */
export function UpdateHistory({ compactId, indicator, periods, updates, evidenceRequired }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries();
  const validate = useMutation(trpc.progress.validate.mutationOptions({ onSuccess: refresh }));
  const giveBack = useMutation(trpc.progress.return.mutationOptions({ onSuccess: refresh }));
  const comment = useMutation(trpc.progress.comment.mutationOptions({ onSuccess: refresh }));
  const label = new Map(periods.map((p) => [p.id, p.label]));
  const when = (d: Date | null) => (d ? moment(format, d) : '');
  if (updates.length === 0) return <p className="muted">{t('indicator.noUpdates')}</p>;

  const onValidate = (update: Update) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const rating = (String(form.get('rating') ?? '') || null) as (typeof RATINGS)[number] | null;
    validate.mutate({ compactId, updateId: update.id, rating, note: String(form.get('note') ?? '') });
  };
  const onReturn = (update: Update) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    giveBack.mutate({
      compactId,
      updateId: update.id,
      reason: String(new FormData(event.currentTarget).get('reason')),
    });
  };
  const onComment = (update: Update) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    comment.mutate(
      { compactId, updateId: update.id, body: String(new FormData(form).get('body')) },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <ol className="updates" aria-label={t('indicator.history')}>
      {updates.map((update) => {
        return (
          <li key={update.id} className={`update state-${update.state}`}>
            <div className="update-head">
              <strong>{label.get(update.periodId)}</strong>
              <span className={`badge progress-${update.state}`}>
                {t(`progress.state.${update.state}` as MessageKey)}
              </span>
              <span>
                {indicator.measure === 'qualitative'
                  ? t(`status.${update.validatedRating ?? update.rating ?? 'no-data'}` as MessageKey)
                  : update.value === null
                    ? '—'
                    : indicatorValue(format, update.value, indicator.unit)}
              </span>
              {update.supersedesId && <span className="muted small">{t('progress.supersedes')}</span>}
            </div>
            <p className="muted small">
              {t('progress.by', { name: update.createdByName })} · {when(update.createdAt)}
              {update.submittedAt && ` · ${t('progress.state.submitted')} ${when(update.submittedAt)}`}
              {update.decidedByName &&
                ` · ${t(`progress.state.${update.state}` as MessageKey)} ${t('progress.by', { name: update.decidedByName })} ${when(update.decidedAt)}`}
            </p>
            <UpdateDetails compactId={compactId} indicator={indicator} update={update} />
            {update.discussion.length > 0 && (
              <ul className="discussion">
                {update.discussion.map((c, i) => (
                  <li key={i}>
                    <strong>{c.author}</strong>: {c.body} <span className="muted small">{when(c.createdAt)}</span>
                  </li>
                ))}
              </ul>
            )}
            {(update.can.validate || update.can.return) && (
              <div className="decide">
                {update.can.validate && (
                  <form className="member-controls" onSubmit={onValidate(update)}>
                    {indicator.measure === 'qualitative' && (
                      <select name="rating" aria-label={t('progress.rating')} defaultValue={update.rating ?? ''}>
                        {RATINGS.map((r) => (
                          <option key={r} value={r}>
                            {t(`status.${r}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    )}
                    <input
                      name="note"
                      maxLength={VALIDATION_NOTE_MAX}
                      aria-label={t('progress.validationNoteField')}
                      placeholder={t('progress.validationNoteField')}
                    />
                    <button type="submit" className="button primary small">
                      {t('progress.validate')}
                    </button>
                  </form>
                )}
                {update.can.return && (
                  <OneLineForm
                    onSubmit={onReturn(update)}
                    name="reason"
                    minLength={3}
                    label={t('progress.returnReason')}
                    button={t('progress.return')}
                    buttonClass="danger"
                  />
                )}
              </div>
            )}
            {update.can.discuss && (
              <OneLineForm
                onSubmit={onComment(update)}
                name="body"
                label={t('progress.reply')}
                button={t('progress.reply')}
                buttonClass="secondary"
              />
            )}
            {update.can.edit && (
              <details>
                <summary>{t('indicator.edit')}</summary>
                <ProgressForm
                  compactId={compactId}
                  indicator={indicator}
                  periods={periods}
                  periodId={update.periodId}
                  existing={update}
                  evidenceRequired={evidenceRequired}
                  hasFiles={update.files.length > 0}
                />
              </details>
            )}
          </li>
        );
      })}
      <ErrorAlert error={validate.error ?? giveBack.error ?? comment.error} />
    </ol>
  );
}
