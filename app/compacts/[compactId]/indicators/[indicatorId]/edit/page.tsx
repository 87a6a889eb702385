import { notFound } from 'next/navigation';
import { serverApi } from '@/server/trpc/server-caller';
import { IndicatorForm } from '@/app/_components/framework/IndicatorForm';
import { getTranslations } from 'next-intl/server';
import { forPage, requireMembership } from '@/app/_lib/server-session';

export const dynamic = 'force-dynamic';

export default async function EditIndicatorPage({
  params,
}: {
  params: Promise<{ compactId: string; indicatorId: string }>;
}) {
  const t = await getTranslations();
  const { compactId, indicatorId } = await params;
  const { compact } = await requireMembership(compactId);
  if (!compact.can.manageFramework) notFound();
  const indicator = await forPage(serverApi.indicators.byId({ compactId, indicatorId }));
  return (
    <main id="main" className="page">
      <h1>
        {t('indicator.edit')}: {indicator.code}
      </h1>
      <IndicatorForm compactId={compactId} mode="edit" existing={indicator} />
    </main>
  );
}
