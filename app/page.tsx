import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from './_components/SignInForm';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitcher } from './_components/LocaleSwitcher';
import { currentActor } from './_lib/server-session';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const t = await getTranslations();
  if (await currentActor()) redirect('/compacts');
  return (
    <main id="main" className="auth-page">
      <section className="card auth-card">
        <LocaleSwitcher />
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          {t('app.name')}
        </p>
        <p className="muted">{t('app.tagline')}</p>
        <h1>{t('signIn.title')}</h1>
        <SignInForm />
        <p>
          <Link href="/forgot-password">{t('forgot.link')}</Link>
        </p>
        <p className="muted small">{t('signIn.noSignUp')}</p>
      </section>
    </main>
  );
}
