'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';

/** Takes back the party's submission while no validator has decided on it (it becomes a draft again). */
export function WithdrawSubmission({
  compactId,
  updateId,
  label,
}: {
  compactId: string;
  updateId: string;
  label: string;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const withdraw = useMutation(
    trpc.progress.withdraw.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.progress.periodSheet.pathKey() }),
    }),
  );
  return (
    <>
      <button
        type="button"
        className="button small secondary"
        disabled={withdraw.isPending}
        aria-label={t('progress.withdrawLabel', { indicator: label })}
        onClick={() => withdraw.mutate({ compactId, updateId })}
      >
        {t('progress.withdraw')}
      </button>
      <ErrorAlert error={withdraw.error} />
    </>
  );
}
