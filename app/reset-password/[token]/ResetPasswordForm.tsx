'use client';

import Link from 'next/link';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { errorMessage, useTRPC } from '@/app/_lib/trpc';
import { FormFooter } from '@/app/_components/FormFooter';

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const link = useQuery(trpc.account.passwordReset.queryOptions({ token }));
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());

  if (link.isPending) return <p className="muted">…</p>;
  if (link.error)
    return (
      <p className="alert error" role="alert">
        {errorMessage(link.error, t)}
      </p>
    );
  if (reset.data) {
    return (
      <>
        <p className="alert success">{t('reset.done')}</p>
        <Link className="button primary" href="/">
          {t('signIn.submit')}
        </Link>
      </>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset.mutate({ token, password: String(new FormData(event.currentTarget).get('password')) });
  };
  return (
    <form className="stack" onSubmit={submit}>
      <p>{t('reset.intro', { email: link.data.email })}</p>
      <label className="field">
        <span>{t('reset.password')}</span>
        <input name="password" type="password" required minLength={10} maxLength={128} autoComplete="new-password" />
        <small className="muted">{t('invite.passwordHint')}</small>
      </label>
      <FormFooter error={reset.error} pending={reset.isPending} label={t('reset.submit')} />
    </form>
  );
}
