import { getTranslations } from 'next-intl/server';
import { LocaleSwitcher } from '../../_components/LocaleSwitcher';
import { ResetPasswordForm } from './ResetPasswordForm';

export const dynamic = 'force-dynamic';

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const t = await getTranslations();
  const { token } = await params;
  return (
    <main id="main" className="auth-page">
      <section className="card auth-card">
        <LocaleSwitcher />
        <h1>{t('reset.title')}</h1>
        <ResetPasswordForm token={token} />
      </section>
    </main>
  );
}
