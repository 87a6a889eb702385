import { AppHeader } from '../_components/AppHeader';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '../_lib/server-session';
import { NotificationList } from './NotificationList';

export const dynamic = 'force-dynamic';

export default async function NotificationsPage() {
  const t = await getTranslations();
  const actor = await requireActor();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="page">
        <h1>{t('notifications.title')}</h1>
        <NotificationList />
      </main>
    </>
  );
}
