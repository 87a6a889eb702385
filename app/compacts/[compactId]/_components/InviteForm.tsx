'use client';

import { PartySelect } from '@/app/_components/PartySelect';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { COMPACT_ROLES, type CompactRole } from '@/shared/roles';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { appLocaleOf, DEFAULT_LOCALE, isAppLocale, LOCALES, NATIVE_NAME } from '@/i18n/locales';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { OneTimeLink } from './OneTimeLink';
import { FormFooter } from '@/app/_components/FormFooter';
import { moment } from '@/i18n/format';

export function InviteForm({ compactId }: { compactId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const inviterLocale = appLocaleOf(useLocale()) ?? DEFAULT_LOCALE;
  const localeHint = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ path: string; text: string } | null>(null);
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: (result, input) => {
        void queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey({ compactId }) });
        const params = { email: input.email, date: moment(format, result.expiresAt) };
        setNotice({
          path: result.path,
          text: t(result.kind === 'pending' ? 'members.invitationSent' : 'members.linkReady', params),
        });
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const locale = String(form.get('locale'));
    setNotice(null);
    invite.mutate({
      compactId,
      email: String(form.get('email')),
      partyId: String(form.get('partyId')),
      role: String(form.get('role')) as CompactRole,
      signatory: form.get('signatory') === 'on',
      locale: isAppLocale(locale) ? locale : inviterLocale,
    });
  };

  return (
    <details className="invite">
      <summary>{t('members.invite')}</summary>
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>{t('members.email')}</span>
          <input name="email" type="email" required maxLength={320} />
        </label>
        <PartySelect name="partyId" label="members.party" required />
        <label className="field">
          <span>{t('members.role')}</span>
          <select name="role" defaultValue="negotiator">
            {COMPACT_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input name="signatory" type="checkbox" /> {t('members.signatory')}
        </label>
        <label className="field">
          <span>{t('locale.invitationLanguage')}</span>
          <select name="locale" defaultValue={inviterLocale} aria-describedby={localeHint}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {NATIVE_NAME[locale]}
              </option>
            ))}
          </select>
          <span id={localeHint} className="muted small">
            {t('locale.invitationLanguageHint')}
          </span>
        </label>
        <FormFooter error={invite.error} pending={invite.isPending} label={t('members.sendInvite')} small />
      </form>
      {notice && <OneTimeLink path={notice.path} message={notice.text} />}
    </details>
  );
}
