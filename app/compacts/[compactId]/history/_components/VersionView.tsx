'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { unchangedBlocks } from '@/shared/history/plain-redline';
import { Contributors } from './Contributors';
import { RedlineDocument } from './RedlineDocument';
import { RestoreVersion } from './RestoreVersion';
import { SignVersionPanel } from './SignVersionPanel';
import { usePartyCodes } from './use-party-codes';
import { moment } from '@/i18n/format';

/** One version of the text, read-only, with what identifies it (number, name, symbol, content hash). */
export function VersionView({
  compactId,
  versionId,
  canRestore,
}: {
  compactId: string;
  versionId: string;
  canRestore: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const version = useQuery(trpc.versions.get.queryOptions({ compactId, versionId }));
  const parties = usePartyCodes(compactId);
  const history = `/compacts/${compactId}/history`;
  if (version.isError)
    return (
      <main id="main" className="page">
        <p className="alert error">{t('history.versionMissing')}</p>
        <Link href={history}>{t('history.back')}</Link>
      </main>
    );
  if (!version.data)
    return (
      <main id="main" className="page">
        <p className="muted">{t('history.loading')}</p>
      </main>
    );
  const data = version.data;
  const title =
    data.kind === 'named' ? `#${data.number} ${data.name}` : t('history.automatic', { number: data.number });
  return (
    <main id="main" className="page version-page">
      <p className="breadcrumb">
        <Link href={history}>{t('history.back')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('history.readOnly')}</p>
        </div>
        <Link className="button secondary" href={`${history}/compare?from=${encodeURIComponent(data.id)}`}>
          {t('history.compareWithCurrent')}
        </Link>
      </div>
      <dl className="definition version-facts">
        {data.symbol ? (
          <>
            <dt>{t('history.versionSymbol')}</dt>
            <dd className="code">{data.symbol}</dd>
          </>
        ) : null}
        {data.note ? (
          <>
            <dt>{t('history.versionNote')}</dt>
            <dd className="version-note">{data.note}</dd>
          </>
        ) : null}
        <dt>{t('history.col.when')}</dt>
        <dd>
          {moment(format, data.createdAt)}
          {data.createdBy ? ` · ${data.createdBy.name ?? ''}` : ''}
        </dd>
        <dt>{t('history.contentHash')}</dt>
        <dd className="code hash">
          {data.contentHash}{' '}
          <span className="muted small">({t('history.canonicalForm', { version: data.canonicalVersion })})</span>
        </dd>
        <dt>{t('history.col.contributors')}</dt>
        <dd>
          <Contributors contributors={data.contributors} />
        </dd>
      </dl>
      {canRestore ? <RestoreVersion compactId={compactId} versionId={data.id} title={title} /> : null}
      <SignVersionPanel
        compactId={compactId}
        version={{ id: data.id, kind: data.kind, title, contentHash: data.contentHash }}
      />
      <article className="card" aria-label={t('history.versionText')}>
        <RedlineDocument blocks={unchangedBlocks(data.contentJson)} authors={[]} parties={parties} />
      </article>
    </main>
  );
}
