'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { StatusNotice } from '@/app/_components/StatusNotice';

/**
 * Restores a version (administrators), after a confirmation: a new edit by the administrator that
 * undoes every change made since; the history keeps everything.
 */
export function RestoreVersion({
  compactId,
  versionId,
  title,
}: {
  compactId: string;
  versionId: string;
  title: string;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const restore = useMutation(trpc.versions.restore.mutationOptions());
  const outcome = restore.data;
  return (
    <section className="card restore-version" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('history.restore.title')}</h2>
      <p className="muted small">{t('history.restore.intro')}</p>
      {confirming ? (
        <div className="stack">
          <p role="alert">{t('history.restore.confirm', { title })}</p>
          <div className="copy-row">
            <button
              type="button"
              className="button danger small"
              disabled={restore.isPending}
              onClick={() => restore.mutate({ compactId, versionId }, { onSettled: () => setConfirming(false) })}
            >
              {t('history.restore.yes')}
            </button>
            <button type="button" className="button secondary small" onClick={() => setConfirming(false)}>
              {t('history.restore.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button secondary small" onClick={() => setConfirming(true)}>
          {t('history.restore.button')}
        </button>
      )}
      <ErrorAlert error={restore.error} />
      <StatusNotice className={outcome?.exact ? 'alert success' : 'alert'}>
        {outcome
          ? outcome.updateId === null
            ? t('history.restore.same')
            : outcome.exact
              ? t('history.restore.done', { title })
              : t('history.restore.partly', { title })
          : null}
      </StatusNotice>
    </section>
  );
}
