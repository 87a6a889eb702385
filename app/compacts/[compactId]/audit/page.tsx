import { requireMembership } from '@/app/_lib/server-session';
import { getTranslations } from 'next-intl/server';
import { AuditLog } from '@/app/_components/audit/AuditLog';

export const dynamic = 'force-dynamic';

export default async function AuditPage({ params }: { params: Promise<{ compactId: string }> }) {
  const t = await getTranslations();
  const { compactId } = await params;
  const { compact } = await requireMembership(compactId);
  if (!compact.can.viewAudit)
    return (
      <main id="main" className="page">
        <h1>{t('audit.title')}</h1>
        <p className="alert error">{t('audit.notAllowed')}</p>
      </main>
    );
  return <AuditLog compactId={compactId} />;
}
