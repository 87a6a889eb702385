import 'server-only';
import type { Db } from '@/db/client';
import type { DeadlineAlert } from '@/server/services/framework/deadline-alerts';
import { config } from '../../config';
import { pruneNotifications } from './inbox';
import { notificationArgs } from './notification-args';
import { notifyAll } from './notify';

/**
 * Alerts written per transaction (with a few statements for all of them), so a sweep holds the
 * write lock briefly whatever it finds.
 */
const ALERTS_PER_TRANSACTION = 100;

const KINDS = { 'due-soon': 'deadline-approaching', missed: 'deadline-missed' } as const;

/** Each (period, indicator, party, kind) reaches each person once, however often the sweep finds it. */
export function deadlineDedupeKey(alert: Pick<DeadlineAlert, 'key' | 'partyId'>): string {
  return `${alert.key}:${alert.partyId}`;
}

/**
 * Tells the monitors of the reporting party and the compact's administrators (the people each
 * alert lists) about each deadline, once per person: repeated alerts change nothing. Returns how
 * many notifications were made.
 */
export function notifyDeadlineAlerts(db: Db, alerts: readonly DeadlineAlert[]): number {
  let told = 0;
  for (let start = 0; start < alerts.length; start += ALERTS_PER_TRANSACTION) {
    const chunk = alerts.slice(start, start + ALERTS_PER_TRANSACTION);
    told += db.transaction((tx) =>
      notifyAll(
        tx,
        null,
        chunk.map((alert) => ({
          recipients: [...alert.monitors, ...alert.admins].map((person) => person.userId),
          notice: {
            kind: KINDS[alert.kind],
            compactId: alert.compactId,
            href: `/compacts/${alert.compactId}/indicators/${alert.indicator.id}`,
            args: notificationArgs({
              compact: alert.compactTitle,
              indicator: alert.indicator.code,
              title: alert.indicator.title,
              period: alert.period.label,
              due: alert.deadline,
            }),
            dedupeKey: deadlineDedupeKey(alert),
          },
        })),
      ),
    );
  }
  return told;
}

/** Finds the deadline alerts due at `now` (`deadlineAlerts` of the reporting deadlines). */
export type DeadlineAlertSource = (db: Db, now: Date) => readonly DeadlineAlert[];

/**
 * The notifications sweep of the HTTP process: every `everyMs`, the deadline alerts `alertsOf`
 * finds are notified (once each) and notifications past their retention are deleted. Returns a
 * function that stops it.
 */
export function startNotificationSweep(
  db: Db,
  alertsOf: DeadlineAlertSource,
  everyMs = config.notificationSweepMs,
): () => void {
  const sweep = () => {
    try {
      const now = new Date();
      notifyDeadlineAlerts(db, alertsOf(db, now));
      pruneNotifications(db, now);
    } catch (error) {
      console.error('The notifications sweep failed:', error instanceof Error ? error.message : error);
    }
  };
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  setImmediate(sweep);
  return () => clearInterval(timer);
}
