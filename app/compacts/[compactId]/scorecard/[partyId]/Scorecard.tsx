'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { StatusChip } from '@/app/_components/framework/StatusChip';
import { useNow, useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';

const SHOWN_PERIODS = 6;

/** Every indicator a party is responsible for, with its status over the last periods. */
export function Scorecard({ compactId, partyId }: { compactId: string; partyId: string }) {
  const t = useTranslations();
  // The request's moment (from the provider): the server and the browser agree on today.
  const now = useNow();
  const trpc = useTRPC();
  const view = useQuery(trpc.framework.view.queryOptions({ compactId }));
  if (view.error)
    return (
      <main id="main" className="page">
        <ErrorAlert error={view.error} />
      </main>
    );
  if (!view.data)
    return (
      <main id="main" className="page">
        <p className="muted">…</p>
      </main>
    );
  const party = view.data.byParty.find((p) => p.partyId === partyId);
  const today = now.toISOString().slice(0, 10);
  const shown = view.data.periods.filter((p) => p.startsOn <= today).slice(-SHOWN_PERIODS);
  const rows = view.data.indicators.filter((i) => i.responsiblePartyId === partyId && i.state === 'active');
  const partyName = party?.partyName ?? '';
  return (
    <main id="main" className="page wide">
      <p className="breadcrumb">
        <Link href={`/compacts/${compactId}/framework`}>{t('framework.title')}</Link>
      </p>
      <h1>{t('scorecard.title', { party: partyName })}</h1>
      <p className="muted">{t('scorecard.hint', { party: partyName })}</p>
      <div className="card">
        <table className="table scorecard">
          <thead>
            <tr>
              <th>{t('framework.indicator')}</th>
              <th>{t('scorecard.headline')}</th>
              {shown.map((p) => (
                <th key={p.id}>{p.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/compacts/${compactId}/indicators/${row.id}`}>
                    <span className="code">{row.code}</span> {row.title}
                  </Link>
                </td>
                <td>
                  <StatusChip
                    status={row.headline?.status ?? 'no-data'}
                    reason={row.headline?.reason ?? 'not-due-yet'}
                    share={row.headline?.share}
                    lastValidated={row.headline?.lastValidated}
                    missedPeriods={row.headline?.missedPeriods}
                  />
                </td>
                {shown.map((p) => {
                  const point = row.series.find((s) => s.periodId === p.id);
                  return (
                    <td key={p.id}>
                      {point && <StatusChip status={point.status} reason={point.reason} share={point.share} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
