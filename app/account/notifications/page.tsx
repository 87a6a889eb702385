import { AppHeader } from '../../_components/AppHeader';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '../../_lib/server-session';
import { EmailPreferencesForm } from './EmailPreferencesForm';

export const dynamic = 'force-dynamic';

export default async function EmailPreferencesPage() {
  const t = await getTranslations();
  const actor = await requireActor();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="page">
        <h1>{t('emailPrefs.title')}</h1>
        <p className="muted">{t('emailPrefs.intro')}</p>
        <EmailPreferencesForm />
      </main>
    </>
  );
}
