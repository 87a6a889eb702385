'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useSignOffStatus } from '../history/_components/use-sign-off-status';

/** Beside the text: each party's sign-off standing in one line (code and a word, never colour alone), linking to History. */
export function SignOffSideCard({ compactId }: { compactId: string }) {
  const t = useTranslations();
  const status = useSignOffStatus(compactId);
  return (
    <section className="card side-card" aria-labelledby="sign-off-side-title">
      <h2 id="sign-off-side-title">{t('signOffs.title')}</h2>
      {status.isError ? <p className="alert error">{t('signOffs.failed')}</p> : null}
      {!status.data && !status.isError ? <p className="muted small">{t('signOffs.loading')}</p> : null}
      <ul className="sign-off-side" aria-label={t('signOffs.sideLabel')}>
        {status.data?.parties.map((party) => (
          <li key={party.partyId} className={`sign-off-${party.state}`} title={party.partyName}>
            <span className="code">{party.partyCode}</span>{' '}
            <span className="sign-off-word">{t(`signOffs.short.${party.state}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
      <Link className="small" href={`/compacts/${compactId}/history`}>
        {t('signOffs.sideLink')}
      </Link>
    </section>
  );
}
