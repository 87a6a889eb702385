'use client';

import Link from 'next/link';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { errorMessage, useTRPC } from '@/app/_lib/trpc';
import { FormFooter } from '@/app/_components/FormFooter';
import { MAX_DISPLAY_NAME_LENGTH } from '@/shared/display-name-rules';
import { moment } from '@/i18n/format';

export function AcceptInviteForm({ token }: { token: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const invite = useQuery(trpc.account.invite.queryOptions({ token }));
  const accept = useMutation(trpc.account.acceptInvite.mutationOptions());

  if (invite.isPending) return <p className="muted">…</p>;
  if (invite.error)
    return (
      <p className="alert error" role="alert">
        {errorMessage(invite.error, t)}
      </p>
    );
  if (accept.data) {
    return accept.data.signedIn ? (
      <>
        <p className="alert success">
          {accept.data.joined ? t('invite.joined') : t('invite.signedIn', { email: accept.data.email })}
        </p>
        <Link className="button primary" href="/compacts">
          {t('invite.goToCompacts')}
        </Link>
      </>
    ) : (
      <>
        <p className="alert success">{t('invite.done', { email: accept.data.email })}</p>
        <Link className="button primary" href="/">
          {t('signIn.submit')}
        </Link>
      </>
    );
  }

  const { compactTitle, partyName, role, email, hasAccount, listedForAccount, invitedBy, invitedByParty, expiresAt } =
    invite.data;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    accept.mutate(
      hasAccount ? { token } : { token, name: String(form.get('name')), password: String(form.get('password')) },
    );
  };
  return (
    <form className="stack" onSubmit={submit}>
      <p>
        {t('invite.invitedBy', {
          inviter: invitedBy,
          inviterParty: invitedByParty || '—',
          compact: compactTitle,
          role: t(`role.${role ?? 'reviewer'}` as MessageKey),
          party: partyName,
        })}
      </p>
      <p className="muted">{email}</p>
      <p className="muted small">{t('invite.expiresOn', { date: moment(format, expiresAt) })}</p>
      {hasAccount ? (
        <>
          <p>{t(listedForAccount ? 'invite.existing' : 'invite.existingLinkOnly')}</p>
          {listedForAccount && <Link href="/compacts">{t('invite.goToCompacts')}</Link>}
        </>
      ) : (
        <>
          <label className="field">
            <span>{t('invite.name')}</span>
            <input
              name="name"
              required
              maxLength={MAX_DISPLAY_NAME_LENGTH}
              autoComplete="name"
              aria-describedby="name-hint"
            />
            <small id="name-hint" className="muted">
              {t('invite.nameHint', { max: MAX_DISPLAY_NAME_LENGTH })}
            </small>
          </label>
          <label className="field">
            <span>{t('invite.password')}</span>
            <input
              name="password"
              type="password"
              required
              minLength={10}
              maxLength={128}
              autoComplete="new-password"
              aria-describedby="pw-hint"
            />
            <small id="pw-hint" className="muted">
              {t('invite.passwordHint')}
            </small>
          </label>
        </>
      )}
      <FormFooter error={accept.error} pending={accept.isPending} label={t('invite.accept')} />
    </form>
  );
}
