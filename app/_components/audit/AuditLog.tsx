'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useAuditSource } from './use-audit-source';
import { AuditEventRows } from './AuditEventRows';
import { AuditFilters } from './AuditFilters';
import { ChainBadge } from './ChainBadge';
import { PublishedHeads } from './PublishedHeads';
import { filtersFromSearch, queryOfFilters, searchOfFilters, type AuditFilterValues } from './audit-filters';

const PAGE = 50;

/** The audit screen: the chain's verdict, its events filtered and paged, and the heads it published. */
export function AuditLog({ compactId }: { compactId: string | null }) {
  const t = useTranslations();
  const source = useAuditSource(compactId);
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(search.toString())), [search]);
  const query = useMemo(() => queryOfFilters(filters), [filters]);
  // Older pages are added below the first one; a change of filters starts again from the newest.
  const [older, setOlder] = useState<{ key: string; cursors: number[] }>({ key: '', cursors: [] });
  const filterKey = searchOfFilters(filters);
  const cursors = older.key === filterKey ? older.cursors : [];
  const pages = useQueries({
    queries: [undefined, ...cursors].map((before) => source.events({ ...query, before, limit: PAGE })),
  });
  const facets = useQuery(source.facets());
  const events = pages.flatMap((page) => page.data?.events ?? []);
  const last = pages.at(-1);
  const nextBefore = last?.data?.nextBefore ?? null;

  const applyFilters = (next: AuditFilterValues) => router.replace(`${pathname}${searchOfFilters(next)}`);

  return (
    <main id="main" className="page wide audit-page">
      <div className="page-head">
        <div>
          <h1>{t(compactId === null ? 'audit.instanceTitle' : 'audit.title')}</h1>
          <p className="muted">{t(compactId === null ? 'audit.instanceIntro' : 'audit.intro')}</p>
        </div>
        {compactId !== null ? (
          <a className="button secondary" href={`/api/compacts/${compactId}/audit-log`} download>
            {t('audit.export')}
          </a>
        ) : null}
      </div>
      <ChainBadge source={source} />
      <AuditFilters facets={facets.data} filters={filters} onChange={applyFilters} />
      {pages[0]?.isError ? <p className="alert error">{t('audit.failed')}</p> : null}
      {pages[0]?.data && events.length === 0 ? <p className="muted">{t('audit.none')}</p> : null}
      {events.length > 0 ? (
        <div className="table-scroll">
          <table className="table audit-table">
            <caption className="sr-only">{t('audit.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.event')}</th>
                <th scope="col">{t('audit.col.time')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.entity')}</th>
                <th scope="col">{t('audit.col.details')}</th>
              </tr>
            </thead>
            <AuditEventRows compactId={compactId} events={events} />
          </table>
        </div>
      ) : null}
      {!pages[0]?.data && !pages[0]?.isError ? <p className="muted">{t('audit.loading')}</p> : null}
      {nextBefore !== null ? (
        <button
          type="button"
          className="button secondary"
          disabled={last?.isFetching}
          onClick={() => setOlder({ key: filterKey, cursors: [...cursors, nextBefore] })}
        >
          {t('audit.older')}
        </button>
      ) : null}
      {compactId !== null ? <PublishedHeads compactId={compactId} /> : null}
    </main>
  );
}
