'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { SignedBy, SignOffStatement, WithdrawnSignOffs } from './SignOffDetails';
import { useSignOffStatus, type PartySignOff } from './use-sign-off-status';

/** One party's line: its state in words, the version signed (stale: with "what changed since"), signer, statement, record. */
function PartyRow({ compactId, party }: { compactId: string; party: PartySignOff }) {
  const t = useTranslations();
  const signOff = party.active;
  const history = `/compacts/${compactId}/history`;
  return (
    <li className={`sign-off-party sign-off-${party.state}`}>
      <div className="sign-off-line">
        <span className="code">{party.partyCode}</span> <span>{party.partyName}</span>
        <span className="sign-off-state">
          <strong>{t(`signOffs.state.${party.state}` as MessageKey)}</strong>
          {signOff ? (
            <>
              {': '}
              <Link href={`${history}/${encodeURIComponent(signOff.versionId)}`}>
                {t('signOffs.version', { number: signOff.versionNumber, name: signOff.versionName ?? '' })}
              </Link>
            </>
          ) : null}
          {signOff && party.state === 'signed-earlier' ? (
            <>
              {' — '}
              <Link href={`${history}/compare?from=${encodeURIComponent(signOff.versionId)}`}>
                {t('signOffs.whatChanged')}
              </Link>
            </>
          ) : null}
        </span>
      </div>
      {signOff ? (
        <>
          <SignedBy signOff={signOff} />
          <SignOffStatement signOff={signOff} />
        </>
      ) : null}
      <WithdrawnSignOffs signOffs={party.withdrawn} count={party.withdrawnCount} />
    </li>
  );
}

/** The History screen's card: each party's sign-off against the current text. */
export function SignOffsCard({ compactId }: { compactId: string }) {
  const t = useTranslations();
  const status = useSignOffStatus(compactId);
  return (
    <section className="card sign-offs" aria-labelledby="sign-offs-title">
      <h2 id="sign-offs-title">{t('signOffs.title')}</h2>
      <p className="muted small">{t('signOffs.intro')}</p>
      {status.isError ? <p className="alert error">{t('signOffs.failed')}</p> : null}
      {!status.data && !status.isError ? <p className="muted">{t('signOffs.loading')}</p> : null}
      {status.data?.parties.length === 0 ? <p className="muted">{t('signOffs.noParties')}</p> : null}
      <ul className="sign-off-parties">
        {status.data?.parties.map((party) => (
          <PartyRow key={party.partyId} compactId={compactId} party={party} />
        ))}
      </ul>
    </section>
  );
}
