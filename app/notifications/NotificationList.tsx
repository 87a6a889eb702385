'use client';

import Link from 'next/link';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { notificationText } from '@/i18n/notification-text';
import { useTRPC } from '../_lib/trpc';
import { ErrorAlert } from '../_components/FormFooter';
import { moment } from '@/i18n/format';

/** The signed-in person's notifications, newest first, 20 at a time, with mark read and mark all read. */
export function NotificationList() {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor }),
  );
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() });
  };
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="stack">
      <div className="member-controls">
        <button
          type="button"
          className="button secondary small"
          disabled={markAll.isPending || !items.some((item) => !item.readAt)}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </button>
        <Link href="/account/notifications">{t('notifications.emailSettings')}</Link>
      </div>
      {list.isSuccess && items.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
      <ul className="notification-list">
        {items.map((item) => {
          // In the reader's language and time zone, with the same helper as the e-mails.
          const text = notificationText(item.kind, item.args, t, format);
          return (
            <li key={item.id} className={item.readAt ? 'card notification' : 'card notification unread'}>
              <p>
                {!item.readAt && <span className="badge">{t('notifications.unread')}</span>}{' '}
                {item.href ? (
                  <Link href={item.href} onClick={() => !item.readAt && markRead.mutate({ ids: [item.id] })}>
                    {text}
                  </Link>
                ) : (
                  text
                )}
              </p>
              <p className="muted small">
                <time dateTime={item.createdAt.toISOString()}>{moment(format, item.createdAt)}</time>
                {!item.readAt && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={t('notifications.markReadLabel', { text })}
                      disabled={markRead.isPending}
                      onClick={() => markRead.mutate({ ids: [item.id] })}
                    >
                      {t('notifications.markRead')}
                    </button>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      {list.hasNextPage && (
        <button
          type="button"
          className="button secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('notifications.older')}
        </button>
      )}
      <ErrorAlert error={list.error ?? markRead.error ?? markAll.error} />
    </section>
  );
}
