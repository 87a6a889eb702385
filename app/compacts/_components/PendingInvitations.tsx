'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { ErrorAlert } from '@/app/_components/FormFooter';

/** Invitations to compacts waiting for the signed-in person: nobody joins a compact without saying yes. */
export function PendingInvitations() {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.account.pendingInvitations.queryOptions());
  const answered = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.account.pendingInvitations.queryKey() });
    router.refresh();
  };
  const accept = useMutation(trpc.account.acceptInvitation.mutationOptions({ onSuccess: answered }));
  const decline = useMutation(trpc.account.declineInvitation.mutationOptions({ onSuccess: answered }));
  if (!invitations.data?.length) return <ErrorAlert error={invitations.error} />;
  const busy = accept.isPending || decline.isPending;
  return (
    <section className="card" aria-label={t('compacts.invitations')}>
      <h2>{t('compacts.invitations')}</h2>
      <ul className="stack">
        {invitations.data.map((invitation) => (
          <li key={invitation.id}>
            <p>
              {t('compacts.invitation', {
                inviter: invitation.invitedBy,
                compact: invitation.compactTitle,
                role: t(`role.${invitation.role ?? 'reviewer'}` as MessageKey),
                party: invitation.partyName,
              })}
            </p>
            <div className="member-controls">
              <button
                type="button"
                className="button primary small"
                disabled={busy}
                onClick={() => accept.mutate({ invitationId: invitation.id })}
              >
                {t('compacts.accept')}
              </button>
              <button
                type="button"
                className="button secondary small"
                disabled={busy}
                onClick={() =>
                  window.confirm(t('compacts.confirmDecline', { compact: invitation.compactTitle })) &&
                  decline.mutate({ invitationId: invitation.id })
                }
              >
                {t('compacts.decline')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorAlert error={accept.error ?? decline.error} />
    </section>
  );
}
