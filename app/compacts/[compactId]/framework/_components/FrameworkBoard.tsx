'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { CompactPermissions } from '@/app/_lib/router-types';
import { INDICATOR_LEVELS } from '@/shared/enums';
import { INDICATOR_STATUSES } from '@/shared/framework/indicator-status';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { DeadlineBadge } from '@/app/_components/framework/DeadlineBadge';
import { Sparkline } from '@/app/_components/framework/Sparkline';
import { StatusChip } from '@/app/_components/framework/StatusChip';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { AdminPanels } from './AdminPanels';
import { CsvPanel } from './CsvPanel';
import { TasksPanel } from './TasksPanel';
import { indicatorValue, percentOfShare, type Format } from '@/i18n/format';

/** A headline's value or target, to one decimal at most, with its unit ("42%", "42 %"). */
const shown = (format: Format, n: number | null | undefined, unit: string) =>
  n === null || n === undefined ? '—' : indicatorValue(format, Math.round(n * 10) / 10, unit);

export function FrameworkBoard({ compactId, can }: { compactId: string; can: CompactPermissions }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const view = useQuery(trpc.framework.view.queryOptions({ compactId }));
  const [party, setParty] = useState('');
  const [status, setStatus] = useState('');
  const [level, setLevel] = useState('');
  const data = view.data;
  const visible = useMemo(
    () =>
      (data?.indicators ?? []).filter(
        (i) =>
          (!party || i.responsiblePartyId === party) &&
          (!status || (i.headline?.status ?? 'no-data') === status) &&
          (!level || i.level === level),
      ),
    [data, party, status, level],
  );
  if (view.error)
    return (
      <main id="main" className="page">
        <ErrorAlert error={view.error} />
      </main>
    );
  if (!data)
    return (
      <main id="main" className="page">
        <p className="muted">…</p>
      </main>
    );
  const groups = data.groups
    .map((g) => ({ ...g, rows: visible.filter((i) => g.indicatorIds.includes(i.id)) }))
    .filter((g) => g.rows.length > 0);

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('framework.title')}</h1>
        {(can.manageFramework || can.proposeIndicator) && (
          <Link className="button primary small" href={`/compacts/${compactId}/indicators/new`}>
            {can.manageFramework ? t('framework.newIndicator') : t('framework.proposeIndicator')}
          </Link>
        )}
      </div>
      <p className="rollup compact-rollup" aria-label={t('framework.compactRollup')}>
        <strong>{t('framework.compactRollup')}:</strong>
        {INDICATOR_STATUSES.map((s) => (
          <span key={s} className={`count chip-${s}`}>
            {data.compact[s]} {t(`status.${s}` as MessageKey)}
          </span>
        ))}
      </p>
      <p className="muted small rule">
        {t('framework.rule', {
          onTrack: percentOfShare(format, data.settings.onTrackThreshold),
          atRisk: percentOfShare(format, data.settings.atRiskThreshold),
        })}
      </p>
      {data.periods.length === 0 && <p className="alert error">{t('framework.notConfigured')}</p>}

      <div className="framework-layout">
        <section>
          <div className="filters" role="group" aria-label={t('framework.filters')}>
            <select aria-label={t('framework.party')} value={party} onChange={(e) => setParty(e.target.value)}>
              <option value="">{t('framework.allParties')}</option>
              {data.byParty.map((p) => (
                <option key={p.partyId} value={p.partyId}>
                  {p.partyName}
                </option>
              ))}
            </select>
            <select aria-label={t('framework.status')} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('framework.allStatuses')}</option>
              {INDICATOR_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}` as MessageKey)}
                </option>
              ))}
            </select>
            <select aria-label={t('framework.level')} value={level} onChange={(e) => setLevel(e.target.value)}>
              <option value="">{t('framework.allLevels')}</option>
              {INDICATOR_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level.${l}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          {groups.length === 0 && <p className="muted">{t('framework.empty')}</p>}
          {groups.map((group) => (
            <section key={group.name} className="card group">
              <div className="group-head">
                <h2>{group.name}</h2>
                <span className="rollup" aria-label={t('framework.rollup')}>
                  {INDICATOR_STATUSES.filter((s) => group.counts[s] > 0).map((s) => (
                    <span key={s} className={`count chip-${s}`}>
                      {group.counts[s]} {t(`status.${s}` as MessageKey)}
                    </span>
                  ))}
                </span>
              </div>
              <table className="table indicators">
                <thead>
                  <tr>
                    <th>{t('framework.code')}</th>
                    <th>{t('framework.indicator')}</th>
                    <th>{t('framework.party')}</th>
                    <th>{t('framework.status')}</th>
                    <th>{t('framework.latest')}</th>
                    <th>{t('framework.trend')}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.rows.map((row) => (
                    <tr key={row.id} className={row.state !== 'active' ? 'inactive' : undefined}>
                      <td className="code">{row.code}</td>
                      <td>
                        <Link href={`/compacts/${compactId}/indicators/${row.id}`}>{row.title}</Link>
                        {row.state !== 'active' && (
                          <span className="badge">{t(`indicator.state.${row.state}` as MessageKey)}</span>
                        )}
                        <span className="muted small block">{t(`level.${row.level}` as MessageKey)}</span>
                      </td>
                      <td className="small">{row.responsiblePartyName}</td>
                      <td>
                        <StatusChip
                          status={row.headline?.status ?? 'no-data'}
                          reason={row.headline?.reason}
                          share={row.headline?.share}
                          lastValidated={row.headline?.lastValidated}
                          missedPeriods={row.headline?.missedPeriods}
                        />
                        {row.overduePeriod && (
                          <span className="muted small block">
                            {t('framework.overdue', { period: row.overduePeriod })}
                          </span>
                        )}
                        <DeadlineBadge status={row.deadline} label={t('deadline.label')} />
                      </td>
                      <td className="small">
                        {row.headline
                          ? `${shown(format, row.headline.actual, row.unit)} / ${shown(format, row.headline.target, row.unit)} (${row.headline.label})`
                          : '—'}
                      </td>
                      <td>
                        <Sparkline
                          values={row.series.map((p) => p.actual)}
                          label={`${row.code} ${t('framework.trend')}`}
                          unit={row.unit}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </section>
        <aside className="framework-side">
          <TasksPanel compactId={compactId} tasks={data.tasks} />
          <section className="card side-card">
            <h2>{t('framework.scorecards')}</h2>
            <ul className="plain">
              {data.byParty.map((p) => (
                <li key={p.partyId}>
                  <Link href={`/compacts/${compactId}/scorecard/${p.partyId}`}>{p.partyName}</Link>{' '}
                  <span className="muted small">
                    {INDICATOR_STATUSES.filter((s) => p.counts[s] > 0)
                      .map((s) => `${p.counts[s]} ${t(`status.${s}` as MessageKey)}`)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <CsvPanel compactId={compactId} can={can} />
          {can.manageFramework && (
            <AdminPanels compactId={compactId} settings={data.settings} periodCount={data.periods.length} />
          )}
        </aside>
      </div>
    </main>
  );
}
