import { AppHeader } from '../../_components/AppHeader';
import { AuditLog } from '../../_components/audit/AuditLog';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '../../_lib/server-session';

export const dynamic = 'force-dynamic';

/** The instance's audit chain (events outside any compact), for instance administrators. */
export default async function InstanceAuditPage() {
  const t = await getTranslations();
  const actor = await requireActor();
  return (
    <>
      <AppHeader actor={actor} />
      {actor.isInstanceAdmin ? (
        <AuditLog compactId={null} />
      ) : (
        <main id="main" className="page">
          <p className="alert error">{t('admin.notAllowed')}</p>
        </main>
      )}
    </>
  );
}
