'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';

/** Closes the cycle after a confirmation (administrators): its findings are then frozen. */
export function CloseCycleButton({ compactId, cycleId, name }: { compactId: string; cycleId: string; name: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const close = useMutation(
    trpc.reviews.close.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.reviews.pathKey() }),
    }),
  );
  return (
    <div>
      <button
        type="button"
        className="button small secondary"
        disabled={close.isPending}
        onClick={() => {
          if (window.confirm(t('reviews.closeConfirm', { name }))) close.mutate({ compactId, cycleId });
        }}
      >
        {t('reviews.closeCycle')}
      </button>
      <ErrorAlert error={close.error} />
    </div>
  );
}
