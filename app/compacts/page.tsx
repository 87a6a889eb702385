import Link from 'next/link';
import { getDb } from '@/db/client';
import { listCompactsOf } from '@/server/services/compacts';
import { AppHeader } from '../_components/AppHeader';
import { t, type MessageKey } from '../_lib/messages';
import { requireActor } from '../_lib/server-session';
import { PendingInvitations } from './_components/PendingInvitations';

export const dynamic = 'force-dynamic';

export default async function CompactsPage() {
  const actor = await requireActor();
  const compacts = listCompactsOf(getDb().db, actor.userId);
  return (
    <>
      <AppHeader actor={actor} />
      <main className="page">
        <h1>{t('compacts.title')}</h1>
        <PendingInvitations />
        {compacts.length === 0 ? (
          <p className="muted">{t('compacts.empty')}</p>
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
                </p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
