'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { SignedBy, SignOffStatement } from './SignOffDetails';
import { SignVersionForm } from './SignVersionForm';
import { useSignOffStatus } from './use-sign-off-status';
import { WithdrawSignOffForm } from './WithdrawSignOffForm';

interface Props {
  compactId: string;
  version: { id: string; kind: 'auto' | 'named'; title: string; contentHash: string };
}

/**
 * On a version's page, for a signatory (the server says who is: `me.canSign`): sign it on behalf
 * of their party, or withdraw their party's sign-off of it. Everyone else sees nothing here.
 */
export function SignVersionPanel({ compactId, version }: Props) {
  const t = useTranslations();
  const status = useSignOffStatus(compactId);
  const me = status.data?.me;
  if (!me?.canSign) return null;
  const mine = status.data?.parties.find((party) => party.partyId === me.partyId)?.active ?? null;
  const title = t('signOffs.signTitle', { party: me.partyCode });
  if (version.kind !== 'named')
    return (
      <section className="card sign-version" aria-label={title}>
        <p className="muted">{t('signOffs.onlyNamed')}</p>
      </section>
    );
  if (mine?.versionId === version.id)
    return (
      <section className="card sign-version" aria-labelledby="sign-version-title">
        <h2 id="sign-version-title" role="status">
          {t('signOffs.thisSigned', { party: me.partyCode })}
        </h2>
        <SignedBy signOff={mine} />
        <SignOffStatement signOff={mine} />
        <WithdrawSignOffForm compactId={compactId} signOffId={mine.id} partyCode={me.partyCode} />
      </section>
    );
  return (
    <section className="card sign-version" aria-labelledby="sign-version-title">
      <h2 id="sign-version-title">{title}</h2>
      <p className="muted small">{t('signOffs.signIntro')}</p>
      {mine ? (
        <p className="small">
          {t('signOffs.replaces', { party: me.partyCode })}{' '}
          <Link href={`/compacts/${compactId}/history/${encodeURIComponent(mine.versionId)}`}>
            {t('signOffs.version', { number: mine.versionNumber, name: mine.versionName ?? '' })}
          </Link>
        </p>
      ) : null}
      <SignVersionForm compactId={compactId} version={version} partyCode={me.partyCode} />
    </section>
  );
}
