import 'server-only';
import { and, count, desc, eq, inArray, isNull, lt, notInArray, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema/notifications';
import { parseNotificationArgs } from './notification-args';

/** Notifications older than this are deleted (deadline alerts keep their row: it is what stops a repeat). */
export const NOTIFICATION_RETENTION_MS = 180 * 24 * 60 * 60_000;
export const NOTIFICATIONS_PAGE_SIZE = 20;

/** How many of the person's notifications are unread. */
export function unreadCount(db: DbOrTx, userId: string): number {
  const [row] = db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .all();
  return row?.n ?? 0;
}

/** The person's notifications, newest first, a page at a time (`cursor`: the last one of the previous page). */
export function listNotifications(
  db: DbOrTx,
  userId: string,
  options: { cursor?: { createdAt: Date; id: string } | null; limit?: number } = {},
) {
  const limit = options.limit ?? NOTIFICATIONS_PAGE_SIZE;
  const before = options.cursor;
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      compactId: notifications.compactId,
      href: notifications.href,
      args: notifications.args,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        before
          ? or(
              lt(notifications.createdAt, before.createdAt),
              and(eq(notifications.createdAt, before.createdAt), lt(notifications.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1)
    .all();
  const items = rows.slice(0, limit).map((row) => ({ ...row, args: parseNotificationArgs(row.args) }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}

/** Marks some of the person's own notifications read; anyone else's ids change nothing. Returns how many changed. */
export function markNotificationsRead(db: Db, userId: string, ids: string[]): number {
  if (ids.length === 0) return 0;
  return db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, ids), isNull(notifications.readAt)))
    .run().changes;
}

export function markAllNotificationsRead(db: Db, userId: string): number {
  return db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes;
}

/**
 * Deletes notifications past the retention period, except the deadline alerts (their row prevents
 * a repeat, however often the sweep finds the deadline; a submission's row only matters while it waits).
 */
export function pruneNotifications(db: DbOrTx, now = new Date()): number {
  return pruneStatement(db, now).run().changes;
}

/** The retention sweep's statement (by age, on the `notifications_created` index). */
export function pruneStatement(db: DbOrTx, now: Date) {
  return db
    .delete(notifications)
    .where(
      and(
        lt(notifications.createdAt, new Date(now.getTime() - NOTIFICATION_RETENTION_MS)),
        or(
          isNull(notifications.dedupeKey),
          notInArray(notifications.kind, ['deadline-approaching', 'deadline-missed']),
        ),
      ),
    );
}
