import { getTranslations } from 'next-intl/server';
import { LocaleSwitcher } from '../../_components/LocaleSwitcher';
import { AcceptInviteForm } from './AcceptInviteForm';

export const dynamic = 'force-dynamic';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const t = await getTranslations();
  const { token } = await params;
  return (
    <main id="main" className="auth-page">
      <section className="card auth-card">
        <LocaleSwitcher />
        <h1>{t('invite.title')}</h1>
        <AcceptInviteForm token={token} />
      </section>
    </main>
  );
}
