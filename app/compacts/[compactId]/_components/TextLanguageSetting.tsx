'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { TEXT_LANGUAGE_NAMES, TEXT_LANGUAGES, type TextLanguage } from '@/shared/text-languages';
import { useTRPC } from '@/app/_lib/trpc';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { useTextAttributes } from './TextLanguage';

/**
 * The compact's settings card (administrators): the language its text is written in, which sets
 * the editor's direction. The pages render again with it once saved.
 */
export function TextLanguageSetting({ compactId }: { compactId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const { lang } = useTextAttributes();
  const save = useMutation(trpc.compacts.setTextLanguage.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <section className="card side-card">
      <h2>{t('textLanguage.title')}</h2>
      <label htmlFor={id}>{t('textLanguage.label')}</label>
      <select
        id={id}
        value={lang}
        disabled={save.isPending}
        aria-describedby={`${id}-hint`}
        onChange={(e) => save.mutate({ compactId, textLanguage: e.target.value as TextLanguage })}
      >
        {TEXT_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {TEXT_LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="muted small">
        {t('textLanguage.hint')}
      </p>
      <ErrorAlert error={save.error} />
    </section>
  );
}
