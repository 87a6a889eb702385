import Link from 'next/link';
import { AppHeader } from '../_components/AppHeader';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '../_lib/server-session';
import { CompactsArchivePanel } from './_components/CompactsArchivePanel';
import { CreateCompactForm } from './_components/CreateCompactForm';
import { PartiesPanel } from './_components/PartiesPanel';

export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const t = await getTranslations();
  const actor = await requireActor();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="page">
        <h1>{t('admin.title')}</h1>
        {actor.isInstanceAdmin ? (
          <p>
            <Link href="/admin/audit">{t('admin.auditLink')}</Link>
          </p>
        ) : null}
        {actor.isInstanceAdmin ? (
          <div className="admin-grid">
            <PartiesPanel />
            <CreateCompactForm />
            <CompactsArchivePanel />
          </div>
        ) : (
          <p className="alert error">{t('admin.notAllowed')}</p>
        )}
      </main>
    </>
  );
}
