'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useTRPC } from '../_lib/trpc';

/** The bell in the header: the unread count, refreshed every 30 seconds, leading to the notifications. */
export function NotificationBell() {
  const t = useTranslations();
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), refetchInterval: 30_000 });
  const unread = count.data?.unread ?? 0;
  return (
    <Link href="/notifications" className="notification-bell" aria-label={t('notifications.bell', { count: unread })}>
      {/* Drawn, not an emoji: not every system has a font with the bell glyph. */}
      <svg className="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a.7.7 0 0 0 .6 1h14.2a.7.7 0 0 0 .6-1L18 12.6V9a6 6 0 0 0-6-6Zm-2.2 15.5a2.3 2.3 0 0 0 4.4 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      {unread > 0 && (
        <span className="notification-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
