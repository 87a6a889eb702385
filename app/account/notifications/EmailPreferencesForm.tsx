'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '../../_lib/trpc';
import { ErrorAlert } from '../../_components/FormFooter';
import { StatusNotice } from '@/app/_components/StatusNotice';

/** One switch per kind of e-mail; each change is saved at once. */
export function EmailPreferencesForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.notifications.emailPreferences.queryOptions());
  const save = useMutation(
    trpc.notifications.setEmailPreference.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.notifications.emailPreferences.queryKey(), data),
    }),
  );
  if (!prefs.data) return <ErrorAlert error={prefs.error} />;
  return (
    <section className="card stack">
      {!prefs.data.mailConfigured && <p className="alert">{t('emailPrefs.notConfigured')}</p>}
      <fieldset className="stack">
        <legend className="sr-only">{t('emailPrefs.title')}</legend>
        {prefs.data.kinds.map((pref) => (
          <label key={pref.kind} className="check">
            <input
              type="checkbox"
              checked={pref.enabled}
              disabled={!pref.optional || save.isPending}
              aria-describedby={pref.optional ? undefined : `always-${pref.kind}`}
              onChange={(event) => save.mutate({ kind: pref.kind, enabled: event.currentTarget.checked })}
            />{' '}
            {t(`emailPrefs.kind.${pref.kind}` as MessageKey)}
            {!pref.optional && (
              <small id={`always-${pref.kind}`} className="muted">
                {' '}
                — {t('emailPrefs.always')}
              </small>
            )}
          </label>
        ))}
      </fieldset>
      <StatusNotice className="muted small">{save.isSuccess ? t('emailPrefs.saved') : null}</StatusNotice>
      <ErrorAlert error={save.error} />
    </section>
  );
}
