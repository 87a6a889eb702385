'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { FormFooter } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { SIGN_OFF_LIMITS } from '@/shared/history/sign-off-rules';
import { signOffStatusKey } from './use-sign-off-status';

/** A signatory withdraws their party's sign-off, with an optional reason (kept in the record). */
export function WithdrawSignOffForm({
  compactId,
  signOffId,
  partyCode,
}: {
  compactId: string;
  signOffId: string;
  partyCode: string;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const withdraw = useMutation(
    trpc.signOffs.withdraw.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: signOffStatusKey(trpc) }),
    }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    withdraw.mutate({ compactId, signOffId, reason });
  };
  return (
    <details className="sign-off-withdraw">
      <summary>{t('signOffs.withdraw')}</summary>
      <form className="stack" onSubmit={submit} aria-label={t('signOffs.withdrawTitle', { party: partyCode })}>
        <label className="field">
          <span>{t('signOffs.withdrawReason')}</span>
          <textarea name="reason" rows={2} maxLength={SIGN_OFF_LIMITS.reason} />
        </label>
        <FormFooter error={withdraw.error} pending={withdraw.isPending} label={t('signOffs.withdrawSubmit')} />
      </form>
    </details>
  );
}
