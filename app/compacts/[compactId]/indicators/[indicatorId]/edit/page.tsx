import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireIndicator } from '@/server/services/framework/indicators';
import { IndicatorForm } from '@/app/_components/framework/IndicatorForm';
import { t } from '@/app/_lib/messages';
import { requireMembership } from '@/app/_lib/server-session';

export const dynamic = 'force-dynamic';

export default async function EditIndicatorPage({
  params,
}: {
  params: Promise<{ compactId: string; indicatorId: string }>;
}) {
  const { compactId, indicatorId } = await params;
  const { membership } = await requireMembership(compactId);
  if (membership.role !== 'admin') notFound();
  let indicator;
  try {
    indicator = requireIndicator(getDb().db, compactId, indicatorId);
  } catch {
    notFound();
  }
  return (
    <main className="page">
      <h1>
        {t('indicator.edit')}: {indicator.code}
      </h1>
      <IndicatorForm compactId={compactId} mode="edit" existing={indicator} />
    </main>
  );
}
