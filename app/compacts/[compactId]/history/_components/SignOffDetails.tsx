import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import type { ShownSignOff } from './use-sign-off-status';
import { moment } from '@/i18n/format';

/** A sign-off's statement (its kind named in words), if it has one. */
export function SignOffStatement({ signOff }: { signOff: ShownSignOff }) {
  const t = useTranslations();
  if (signOff.statementKind === 'none') return null;
  return (
    <div className="sign-off-statement">
      <strong>{t(`signOffs.statement.${signOff.statementKind}` as MessageKey)}:</strong>{' '}
      <span className="version-note">{signOff.statement}</span>
    </div>
  );
}

/** Who signed and when. */
export function SignedBy({ signOff }: { signOff: ShownSignOff }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <span className="muted small">
      {t('signOffs.signedBy', { name: signOff.signedBy.name ?? '—', when: moment(format, signOff.signedAt) })}
    </span>
  );
}

/** A party's withdrawn sign-offs, folded: which version, who signed, who withdrew, when and why. */
export function WithdrawnSignOffs({ signOffs, count }: { signOffs: ShownSignOff[]; count: number }) {
  const t = useTranslations();
  const format = useFormatter();
  if (count === 0) return null;
  return (
    <details className="sign-off-withdrawn">
      <summary>{t('signOffs.withdrawnTitle', { count })}</summary>
      <ul>
        {signOffs.map((signOff) => (
          <li key={signOff.id}>
            <span>{t('signOffs.version', { number: signOff.versionNumber, name: signOff.versionName ?? '' })}</span>{' '}
            <SignedBy signOff={signOff} />
            <div className="muted small">
              {t('signOffs.withdrawnBy', {
                name: signOff.withdrawnBy?.name ?? '—',
                when: signOff.withdrawnAt ? moment(format, signOff.withdrawnAt) : '',
              })}
              {signOff.supersededBy
                ? ` · ${t('signOffs.supersededBy', {
                    version: t('signOffs.version', {
                      number: signOff.supersededBy.versionNumber,
                      name: signOff.supersededBy.versionName ?? '',
                    }),
                  })}`
                : ''}
              {signOff.withdrawalReason
                ? ` · ${t('signOffs.withdrawnReason', { reason: signOff.withdrawalReason })}`
                : ''}
            </div>
            <SignOffStatement signOff={signOff} />
          </li>
        ))}
      </ul>
      {count > signOffs.length ? (
        <p className="muted small">{t('signOffs.withdrawnMore', { shown: signOffs.length, count })}</p>
      ) : null}
    </details>
  );
}
