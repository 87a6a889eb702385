import { AppHeader } from '../../_components/AppHeader';
import { AuditLog } from '../../_components/audit/AuditLog';
import { t } from '../../_lib/messages';
import { requireActor } from '../../_lib/server-session';

export const dynamic = 'force-dynamic';

/** The instance's audit chain (events outside any compact), for instance administrators. */
export default async function InstanceAuditPage() {
  const actor = await requireActor();
  return (
    <>
      <AppHeader actor={actor} />
      {actor.isInstanceAdmin ? (
        <AuditLog compactId={null} />
      ) : (
        <main className="page">
          <p className="alert error">{t('admin.notAllowed')}</p>
        </main>
      )}
    </>
  );
}
