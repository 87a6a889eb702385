import { AppHeader } from '../_components/AppHeader';
import { t } from '../_lib/messages';
import { requireActor } from '../_lib/server-session';
import { NotificationList } from './NotificationList';

export const dynamic = 'force-dynamic';

export default async function NotificationsPage() {
  const actor = await requireActor();
  return (
    <>
      <AppHeader actor={actor} />
      <main className="page">
        <h1>{t('notifications.title')}</h1>
        <NotificationList />
      </main>
    </>
  );
}
