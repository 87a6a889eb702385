'use client';

import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId } from 'react';
import { appLocaleOf, DEFAULT_LOCALE, isAppLocale, LOCALES, NATIVE_NAME } from '@/i18n/locales';
import { syncTimeZoneCookie } from '../_lib/time-zone-sync';
import { useTRPC } from '../_lib/trpc';
import { ErrorAlert } from './FormFooter';

/**
 * The interface language: each language under its own name (and `lang`), saved on the account
 * when signed in and in this browser's cookie either way. The page then reloads, so every server
 * and client component (the editor included) renders in the new language. On mount it also keeps
 * the time-zone cookie in step with the browser (see time-zone-sync.ts). `hideLabel` keeps the
 * label for screen readers only, where space is short (the header): the options name themselves.
 */
export function LocaleSwitcher({ hideLabel = false }: { hideLabel?: boolean }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const id = useId();
  const current = appLocaleOf(useLocale()) ?? DEFAULT_LOCALE;
  const choose = useMutation(trpc.account.setLocale.mutationOptions({ onSuccess: () => window.location.reload() }));
  useEffect(() => syncTimeZoneCookie(), []);
  return (
    <div className="locale-switcher">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {t('locale.label')}
      </label>
      <select
        id={id}
        value={choose.isError ? current : (choose.variables ?? current)}
        disabled={choose.isPending}
        onChange={(event) => {
          const locale = event.target.value;
          if (isAppLocale(locale) && locale !== current) choose.mutate(locale);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {NATIVE_NAME[locale]}
          </option>
        ))}
      </select>
      <ErrorAlert error={choose.error} />
    </div>
  );
}
