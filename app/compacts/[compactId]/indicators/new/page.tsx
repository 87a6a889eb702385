import { notFound } from 'next/navigation';
import { IndicatorForm } from '@/app/_components/framework/IndicatorForm';
import { getTranslations } from 'next-intl/server';
import { requireMembership } from '@/app/_lib/server-session';

export const dynamic = 'force-dynamic';

export default async function NewIndicatorPage({ params }: { params: Promise<{ compactId: string }> }) {
  const t = await getTranslations();
  const { compactId } = await params;
  const { compact } = await requireMembership(compactId);
  if (!compact.can.manageFramework && !compact.can.proposeIndicator) notFound();
  const mode = compact.can.manageFramework ? 'create' : 'propose';
  return (
    <main id="main" className="page">
      <h1>{mode === 'create' ? t('framework.newIndicator') : t('framework.proposeIndicator')}</h1>
      <IndicatorForm compactId={compactId} mode={mode} />
    </main>
  );
}
