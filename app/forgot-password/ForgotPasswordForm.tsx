'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { useTRPC } from '../_lib/trpc';
import { FormFooter } from '../_components/FormFooter';

/** Asks for a reset link by e-mail; the answer is the same whatever the address. */
export function ForgotPasswordForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const request = useMutation(trpc.passwordHelp.request.mutationOptions());
  if (request.data?.status === 'sent')
    return (
      <p className="alert success" role="status">
        {t('forgot.sent', { email: request.variables?.email ?? '' })}
      </p>
    );
  if (request.data?.status === 'unavailable') return <p className="alert">{t('forgot.unavailable')}</p>;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get('email')) });
  };
  return (
    <form className="stack" onSubmit={submit}>
      <p>{t('forgot.intro')}</p>
      <label className="field">
        <span>{t('forgot.email')}</span>
        <input name="email" type="email" autoComplete="username" required maxLength={320} />
      </label>
      <FormFooter error={request.error} pending={request.isPending} label={t('forgot.submit')} />
    </form>
  );
}
