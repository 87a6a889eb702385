import Link from 'next/link';
import { serverApi } from '@/server/trpc/server-caller';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitcher } from '../_components/LocaleSwitcher';
import { ForgotPasswordForm } from './ForgotPasswordForm';

export const dynamic = 'force-dynamic';

export default async function ForgotPasswordPage() {
  const t = await getTranslations();
  const { selfService } = await serverApi.passwordHelp.available();
  return (
    <main id="main" className="auth-page">
      <section className="card auth-card">
        <LocaleSwitcher />
        <h1>{t('forgot.title')}</h1>
        {selfService ? <ForgotPasswordForm /> : <p className="alert">{t('forgot.unavailable')}</p>}
        <p>
          <Link href="/">{t('forgot.back')}</Link>
        </p>
      </section>
    </main>
  );
}
