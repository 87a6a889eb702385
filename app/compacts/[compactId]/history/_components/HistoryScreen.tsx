'use client';

import { useQueries } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { NameVersionForm } from './NameVersionForm';
import { TextExports } from './TextExports';
import { SignOffsCard } from './SignOffsCard';
import { VersionRows, type ListedVersion } from './VersionRows';

const PAGE = 50;

/** Consecutive automatic versions fold into one group; named versions stand alone. */
function grouped(versions: ListedVersion[]): ListedVersion[][] {
  const groups: ListedVersion[][] = [];
  for (const version of versions) {
    const last = groups.at(-1);
    if (version.kind === 'auto' && last?.[0]?.kind === 'auto') last.push(version);
    else groups.push([version]);
  }
  return groups;
}

/**
 * The History screen: versions newest first (named ones prominent, runs of automatic ones folded),
 * paged; choose two (or one and the current text) to compare; open any version read-only.
 */
export function HistoryScreen({ compactId, canName }: { compactId: string; canName: boolean }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [namedOnly, setNamedOnly] = useState(false);
  const [cursors, setCursors] = useState<number[]>([]);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string>('current');
  const kind = namedOnly ? ('named' as const) : undefined;
  const pages = useQueries({
    queries: [undefined, ...cursors].map((before) =>
      trpc.versions.list.queryOptions({ compactId, before, kind, limit: PAGE }),
    ),
  });
  const versions = pages.flatMap((page) => page.data?.versions ?? []);
  const last = pages.at(-1);
  const nextBefore = last?.data?.nextBefore ?? null;
  const compareHref =
    from && from !== to
      ? `/compacts/${compactId}/history/compare?from=${encodeURIComponent(from)}${to === 'current' ? '' : `&to=${encodeURIComponent(to)}`}`
      : null;

  return (
    <main id="main" className="page wide history-page">
      <div className="page-head">
        <div>
          <h1>{t('history.title')}</h1>
          <p className="muted">{t('history.intro')}</p>
        </div>
      </div>
      <TextExports compactId={compactId} />
      <SignOffsCard compactId={compactId} />
      {canName ? <NameVersionForm compactId={compactId} /> : null}
      <div className="history-controls card">
        <label className="check">
          <input
            type="checkbox"
            checked={namedOnly}
            onChange={(event) => {
              setNamedOnly(event.target.checked);
              setCursors([]);
            }}
          />{' '}
          {t('history.namedOnly')}
        </label>
        <p className="small" role="status">
          {from ? t('history.compareChosen') : t('history.compareHint')}
        </p>
        {compareHref ? (
          <Link className="button primary small" href={compareHref}>
            {t('history.compare')}
          </Link>
        ) : (
          <button type="button" className="button primary small" disabled>
            {t('history.compare')}
          </button>
        )}
      </div>
      {pages[0]?.isError ? <p className="alert error">{t('history.failed')}</p> : null}
      {!pages[0]?.data && !pages[0]?.isError ? <p className="muted">{t('history.loading')}</p> : null}
      <div className="table-scroll">
        <table className="table versions-table">
          <caption className="sr-only">{t('history.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.col.from')}</th>
              <th scope="col">{t('history.col.to')}</th>
              <th scope="col">{t('history.col.version')}</th>
              <th scope="col">{t('history.col.when')}</th>
              <th scope="col">{t('history.col.contributors')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="version-current">
              <td />
              <td>
                <input
                  type="radio"
                  name="compare-to"
                  aria-label={t('history.toCurrent')}
                  checked={to === 'current'}
                  onChange={() => setTo('current')}
                />
              </td>
              <td colSpan={3}>
                <Link href={`/compacts/${compactId}`}>{t('history.current')}</Link>
              </td>
            </tr>
          </tbody>
          {grouped(versions).map((group) => (
            <VersionRows
              key={group[0]!.id}
              compactId={compactId}
              versions={group}
              from={from}
              to={to}
              onFrom={setFrom}
              onTo={setTo}
            />
          ))}
        </table>
      </div>
      {pages[0]?.data && versions.length === 0 ? <p className="muted">{t('history.none')}</p> : null}
      {nextBefore !== null ? (
        <button
          type="button"
          className="button secondary"
          disabled={last?.isFetching}
          onClick={() => setCursors([...cursors, nextBefore])}
        >
          {t('history.older')}
        </button>
      ) : null}
    </main>
  );
}
