import { AppHeader } from '../_components/AppHeader';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '../_lib/server-session';
import { ValidationQueue } from './_components/ValidationQueue';

export const dynamic = 'force-dynamic';

/** The validator's queue across every compact where they validate (the server decides per compact). */
export default async function ValidationPage() {
  const t = await getTranslations();
  const actor = await requireActor();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="page wide">
        <h1>{t('validation.title')}</h1>
        <p className="muted">{t('validation.intro')}</p>
        <ValidationQueue />
      </main>
    </>
  );
}
