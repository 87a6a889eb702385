'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Translate } from '@/i18n/types';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { useTRPC } from '@/app/_lib/trpc';
import { RedlineBody } from './RedlineBody';

type Side = RouterOutputs['versions']['compare']['from'];

const sideName = (t: Translate, side: Side) =>
  side.versionId === null
    ? t('history.current')
    : side.name
      ? `#${side.number} ${side.name}`
      : t('history.automatic', { number: side.number ?? 0 });

/** The redline between two versions (or one and the current text), its provision summary and its authors. */
export function CompareView({
  compactId,
  fromVersionId,
  toVersionId,
}: {
  compactId: string;
  fromVersionId: string;
  toVersionId: string | null;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const comparison = useQuery({
    ...trpc.versions.compare.queryOptions({ compactId, fromVersionId, toVersionId: toVersionId ?? undefined }),
    enabled: fromVersionId !== '',
  });
  const history = `/compacts/${compactId}/history`;
  const back = (
    <p className="breadcrumb">
      <Link href={history}>{t('history.back')}</Link>
    </p>
  );
  if (comparison.isError || fromVersionId === '')
    return (
      <main id="main" className="page">
        {back}
        <p className="alert error">{t('history.compareFailed')}</p>
      </main>
    );
  if (!comparison.data)
    return (
      <main id="main" className="page">
        {back}
        <p className="muted" role="status">
          {t('history.comparing')}
        </p>
      </main>
    );
  const { from, to, redline } = comparison.data;
  return (
    <main id="main" className="page wide compare-page">
      {back}
      <h1>{t('history.compareTitle', { from: sideName(t, from), to: sideName(t, to) })}</h1>
      <p className="muted">{t('history.compareIntro', { count: redline.changes })}</p>
      <RedlineBody compactId={compactId} redline={redline} />
    </main>
  );
}
