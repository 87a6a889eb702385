import Link from 'next/link';
import { serverApi } from '@/server/trpc/server-caller';
import { AppHeader } from '../_components/AppHeader';
import { getTranslations } from 'next-intl/server';
import type { MessageKey } from '@/i18n/types';
import { forPage, requireActor } from '../_lib/server-session';
import { PendingInvitations } from './_components/PendingInvitations';

export const dynamic = 'force-dynamic';

export default async function CompactsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const t = await getTranslations();
  const actor = await requireActor();
  const includeArchived = (await searchParams).archived === '1';
  const compacts = await forPage(serverApi.compacts.list({ includeArchived }));
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="page">
        <h1>{t('compacts.title')}</h1>
        <PendingInvitations />
        <p>
          <Link href={includeArchived ? '/compacts' : '/compacts?archived=1'}>
            {t(includeArchived ? 'compacts.hideArchived' : 'compacts.showArchived')}
          </Link>
        </p>
        {compacts.length === 0 ? (
          <p className="muted">{t(includeArchived ? 'compacts.empty' : 'compacts.emptyActive')}</p>
        ) : (
          <ul className="compact-list">
            {compacts.map((compact) => (
              <li key={compact.id} className="card">
                <h2>
                  <Link href={`/compacts/${compact.id}`}>{compact.title}</Link>
                </h2>
                {compact.description && <p className="muted">{compact.description}</p>}
                <p>
                  <span className="badge">
                    {t('compacts.yourRole', { role: t(`role.${compact.role}` as MessageKey) })}
                  </span>
                  {compact.signatory && <span className="badge">{t('role.signatory')}</span>}
                  {compact.archivedAt && <span className="badge readonly">{t('compacts.archivedBadge')}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
