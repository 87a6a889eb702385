'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { standingAgainst } from '@/shared/history/sign-off-standing';
import { SignedBy, SignOffStatement } from '../../history/_components/SignOffDetails';
import { useSignOffStatus } from '../../history/_components/use-sign-off-status';

/** Each party's sign-off against this cycle's baseline text (by content hash): signed it, signed another text, or not. */
export function BaselineSignOffs({ compactId, contentHash }: { compactId: string; contentHash: string }) {
  const t = useTranslations();
  const status = useSignOffStatus(compactId);
  if (status.isError) return <p className="alert error">{t('signOffs.failed')}</p>;
  if (!status.data) return <p className="muted">{t('signOffs.loading')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('reviews.signOffParty')}</th>
            <th scope="col">{t('reviews.signOffStanding')}</th>
            <th scope="col">{t('reviews.signOffDetails')}</th>
          </tr>
        </thead>
        <tbody>
          {status.data.parties.map((party) => {
            const standing = standingAgainst(party.active, contentHash);
            return (
              <tr key={party.partyId}>
                <td>
                  <span className="code">{party.partyCode}</span> {party.partyName}
                </td>
                <td>
                  <strong>{t(`reviews.standing.${standing}`)}</strong>
                  {party.active && standing === 'signed-other' ? (
                    <>
                      {': '}
                      <Link href={`/compacts/${compactId}/history/${encodeURIComponent(party.active.versionId)}`}>
                        {t('signOffs.version', {
                          number: party.active.versionNumber,
                          name: party.active.versionName ?? '',
                        })}
                      </Link>
                    </>
                  ) : null}
                </td>
                <td>
                  {party.active ? (
                    <>
                      <SignedBy signOff={party.active} />
                      <SignOffStatement signOff={party.active} />
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
