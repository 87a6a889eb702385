import type { ReactNode } from 'react';
import { AppHeader } from '@/app/_components/AppHeader';
import { requireMembership } from '@/app/_lib/server-session';
import { ArchivedBanner } from './_components/ArchivedBanner';
import { CompactNav } from './_components/CompactNav';
import { TextLanguageProvider } from './_components/TextLanguage';

export const dynamic = 'force-dynamic';

export default async function CompactLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ compactId: string }>;
}) {
  const { compactId } = await params;
  const { actor, compact } = await requireMembership(compactId);
  return (
    <>
      <AppHeader actor={actor} />
      <CompactNav
        compactId={compactId}
        title={compact.title}
        reportsProgress={compact.can.reportProgress}
        viewsAudit={compact.can.viewAudit}
      />
      {compact.archive && <ArchivedBanner archive={compact.archive} />}
      <TextLanguageProvider language={compact.textLanguage}>{children}</TextLanguageProvider>
    </>
  );
}
