'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { errorMessage, useTRPC } from '@/app/_lib/trpc';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { OneTimeLink } from './OneTimeLink';
import { moment } from '@/i18n/format';

/**
 * An admin's view of the compact's unanswered invitations: whom, for which party and role, who
 * invited them, when it was sent and when it expires; each can be revoked or re-issued (a new link).
 */
export function PendingInvitations({ compactId }: { compactId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.members.invitations.queryOptions({ compactId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey({ compactId }) });
  const revoke = useMutation(trpc.members.revokeInvitation.mutationOptions({ onSuccess: refresh }));
  const reissue = useMutation(trpc.members.reissueInvitation.mutationOptions({ onSuccess: refresh }));
  // The re-issued invitation leaves the list (a new one replaces it): remember whom the new link is for.
  const [reissuedEmail, setReissuedEmail] = useState('');

  return (
    <details className="invite">
      <summary>{t('members.pending.title', { count: invitations.data?.length ?? 0 })}</summary>
      {invitations.error && <p className="alert error">{errorMessage(invitations.error, t)}</p>}
      {invitations.data?.length === 0 && <p className="muted small">{t('members.pending.none')}</p>}
      <ul className="members pending-invitations" aria-label={t('members.pending.label')}>
        {invitations.data?.map((invitation) => (
          <li key={invitation.id}>
            <span className="person-name">{invitation.email}</span>
            <span className="person-party">
              {t('members.pending.offer', {
                role: t(`role.${invitation.role ?? 'reviewer'}` as MessageKey),
                party: invitation.partyName,
              })}
            </span>
            <span className="person-party">
              {t('members.pending.by', {
                name: invitation.invitedBy,
                party: invitation.invitedByParty || '—',
                date: moment(format, invitation.sentAt),
              })}
            </span>
            <span className={invitation.state === 'open' ? 'person-party' : 'badge warn'}>
              {t(`members.pending.state.${invitation.state}` as MessageKey, {
                date: moment(format, invitation.expiresAt),
              })}
            </span>
            <span className="member-controls">
              <button
                type="button"
                className="button secondary small"
                disabled={reissue.isPending}
                aria-label={t('members.pending.reissueLabel', { email: invitation.email })}
                onClick={() => {
                  setReissuedEmail(invitation.email);
                  reissue.mutate({ compactId, invitationId: invitation.id });
                }}
              >
                {t('members.pending.reissue')}
              </button>
              <button
                type="button"
                className="button danger small"
                disabled={revoke.isPending}
                aria-label={t('members.pending.revokeLabel', { email: invitation.email })}
                onClick={() =>
                  window.confirm(t('members.pending.confirmRevoke', { email: invitation.email })) &&
                  revoke.mutate({ compactId, invitationId: invitation.id })
                }
              >
                {t('members.pending.revoke')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <ErrorAlert error={revoke.error ?? reissue.error} />
      {reissue.data && (
        <OneTimeLink
          path={reissue.data.path}
          message={t('members.pending.reissued', {
            email: reissuedEmail,
            date: moment(format, reissue.data.expiresAt),
          })}
        />
      )}
    </details>
  );
}
