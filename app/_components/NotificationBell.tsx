'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { t } from '../_lib/messages';
import { useTRPC } from '../_lib/trpc';

/** The bell in the header: the unread count, refreshed every 30 seconds, leading to the notifications. */
export function NotificationBell() {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), refetchInterval: 30_000 });
  const unread = count.data?.unread ?? 0;
  return (
    <Link href="/notifications" className="notification-bell" aria-label={t('notifications.bell', { count: unread })}>
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="notification-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
