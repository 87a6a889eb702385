import 'server-only';
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '@/shared/notifications/kinds';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationsRead,
  unreadCount,
} from '@/server/services/notifications/inbox';
import { listEmailPreferences, setEmailPreference } from '@/server/services/notifications/email-preferences';
import { authedProcedure, router } from '../init';

const id = z.string().min(1).max(64);

/** The signed-in person's own notifications and e-mail choices: nobody reads or marks anyone else's. */
export const notificationsRouter = router({
  unreadCount: authedProcedure.query(({ ctx }) => ({ unread: unreadCount(ctx.handle.db, ctx.actor.userId) })),
  list: authedProcedure
    .input(
      z.object({
        cursor: z.object({ createdAt: z.date(), id }).nullish(),
        limit: z.number().int().min(1).max(50).optional(),
      }),
    )
    .query(({ ctx, input }) => listNotifications(ctx.handle.db, ctx.actor.userId, input)),
  markRead: authedProcedure
    .input(z.object({ ids: z.array(id).min(1).max(100) }))
    .mutation(({ ctx, input }) => ({ marked: markNotificationsRead(ctx.handle.db, ctx.actor.userId, input.ids) })),
  markAllRead: authedProcedure.mutation(({ ctx }) => ({
    marked: markAllNotificationsRead(ctx.handle.db, ctx.actor.userId),
  })),
  emailPreferences: authedProcedure.query(({ ctx }) => listEmailPreferences(ctx.handle.db, ctx.actor.userId)),
  setEmailPreference: authedProcedure
    .input(z.object({ kind: z.enum(NOTIFICATION_KINDS), enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setEmailPreference(ctx.handle.db, ctx.actor.userId, input.kind, input.enabled)),
});
