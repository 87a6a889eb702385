import 'server-only';
import type { Db } from '@/db/client';
import { config } from '../../config';
import { pruneNotifications } from './inbox';
import { notificationArgs } from './notification-args';
import { notify } from './notify';
import { indicatorContext } from './progress-notices';
import { membersWhoMay } from './recipients';

/** One reporting deadline to tell people about (what the deadlines sweep finds). */
export interface DeadlineAlert {
  kind: 'deadline-approaching' | 'deadline-missed';
  compactId: string;
  periodId: string;
  indicatorId: string;
  /** The party responsible for reporting the indicator. */
  partyId: string;
  /** The deadline, an ISO date. */
  dueOn: string;
}

/** Alerts written per transaction (about 3 ms each with four recipients and e-mail), so a sweep holds the write lock briefly. */
const ALERTS_PER_TRANSACTION = 25;

/** Each (period, indicator, party, kind) reaches each person once, however often the sweep finds it. */
export function deadlineDedupeKey(alert: DeadlineAlert): string {
  return `${alert.kind}:${alert.periodId}:${alert.indicatorId}:${alert.partyId}`;
}

/**
 * Tells the monitors of the responsible party and the compact's administrators about each
 * deadline, once per person (repeated alerts change nothing). Returns how many notifications were made.
 */
export function notifyDeadlineAlerts(db: Db, alerts: readonly DeadlineAlert[]): number {
  let told = 0;
  for (let start = 0; start < alerts.length; start += ALERTS_PER_TRANSACTION) {
    const chunk = alerts.slice(start, start + ALERTS_PER_TRANSACTION);
    told += db.transaction((tx) => {
      let made = 0;
      for (const alert of chunk) {
        const context = indicatorContext(tx, alert.compactId, alert.indicatorId, alert.periodId, null);
        const recipients = [
          ...membersWhoMay(tx, alert.compactId, 'reportProgress', alert.partyId),
          ...membersWhoMay(tx, alert.compactId, 'manageFramework'),
        ];
        made += notify(tx, null, recipients, {
          kind: alert.kind,
          compactId: alert.compactId,
          href: context.href,
          args: notificationArgs({ ...context.values, due: alert.dueOn }),
          dedupeKey: deadlineDedupeKey(alert),
        });
      }
      return made;
    });
  }
  return told;
}

/** Finds the deadline alerts due at `now` (the reporting-deadlines module's `deadlineAlerts`). */
export type DeadlineAlertSource = (db: Db, now: Date) => readonly DeadlineAlert[];

/**
 * The notifications sweep of the HTTP process: every `everyMs`, the deadline alerts `alertsOf`
 * finds are notified (once each) and notifications past their retention are deleted. Returns a
 * function that stops it.
 */
export function startNotificationSweep(
  db: Db,
  alertsOf: DeadlineAlertSource | null,
  everyMs = config.notificationSweepMs,
): () => void {
  const timer = setInterval(() => {
    try {
      const now = new Date();
      if (alertsOf) notifyDeadlineAlerts(db, alertsOf(db, now));
      pruneNotifications(db, now);
    } catch (error) {
      console.error('The notifications sweep failed:', error instanceof Error ? error.message : error);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
