import 'server-only';
import { and, asc, between, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { compacts, memberships } from '@/db/schema/compacts';
import { frameworkSettings, indicators, reportingPeriods } from '@/db/schema/framework';
import { may } from '@/server/policies/role-actions';
import {
  DUE_SOON_DAYS,
  JUST_MISSED_DAYS,
  deadlineStatus,
  reportingDeadline,
  utcDay,
} from '@/shared/framework/deadline';
import { groupBy } from '../group-by';
import { reportedKey, reportedKeys } from './deadlines';

export interface AlertRecipient {
  userId: string;
  name: string;
  email: string;
}

export interface DeadlineAlert {
  /** Approaching (within DUE_SOON_DAYS, deadline day included) or missed (within the last JUST_MISSED_DAYS). */
  kind: 'due-soon' | 'missed';
  /** The same for the same kind, period and indicator on every run: a notifier sends each key once. */
  key: string;
  compactId: string;
  compactTitle: string;
  period: { id: string; label: string; endsOn: string };
  deadline: string;
  /** Days to the deadline: 0 on the day, negative once missed. */
  daysLeft: number;
  indicator: { id: string; code: string; title: string };
  /** The reporting party (the indicator's responsible party). */
  partyId: string;
  /** Active members of that party whose role reports progress. */
  monitors: AlertRecipient[];
  /** Active members whose role manages the framework (the compact's administrators). */
  admins: AlertRecipient[];
}

const shiftDay = (day: string, days: number) => reportingDeadline(day, days);

/**
 * Every (period, indicator, reporting party) of every active (not archived) compact whose deadline is near and still
 * unreported, or was missed in the last JUST_MISSED_DAYS, with the people to tell. Four queries
 * whatever the number of compacts, periods and indicators; the order is stable (compact title,
 * deadline, indicator code), so two runs at the same `now` answer the same.
 */
export function deadlineAlerts(db: DbOrTx, now: Date): DeadlineAlert[] {
  const today = utcDay(now);
  const deadlineSql = sql<string>`date(${reportingPeriods.endsOn}, '+' || ${frameworkSettings.reportingDeadlineDays} || ' days')`;
  const periods = db
    .select({
      id: reportingPeriods.id,
      compactId: reportingPeriods.compactId,
      label: reportingPeriods.label,
      endsOn: reportingPeriods.endsOn,
      offsetDays: frameworkSettings.reportingDeadlineDays,
      compactTitle: compacts.title,
    })
    .from(reportingPeriods)
    .innerJoin(frameworkSettings, eq(frameworkSettings.compactId, reportingPeriods.compactId))
    .innerJoin(compacts, eq(compacts.id, reportingPeriods.compactId))
    // An archived compact is read only: nobody is asked to report in it.
    .where(
      and(
        between(deadlineSql, shiftDay(today, -JUST_MISSED_DAYS), shiftDay(today, DUE_SOON_DAYS)),
        isNull(compacts.archivedAt),
      ),
    )
    .all();
  if (periods.length === 0) return [];
  const compactIds = [...new Set(periods.map((p) => p.compactId))];
  const active = db
    .select({
      id: indicators.id,
      compactId: indicators.compactId,
      code: indicators.code,
      title: indicators.title,
      partyId: indicators.responsiblePartyId,
    })
    .from(indicators)
    .where(and(inArray(indicators.compactId, compactIds), eq(indicators.state, 'active')))
    .orderBy(asc(indicators.code))
    .all();
  const reported = reportedKeys(
    db,
    compactIds,
    periods.map((p) => p.id),
  );
  const people = db
    .select({
      compactId: memberships.compactId,
      partyId: memberships.partyId,
      role: memberships.role,
      userId: user.id,
      name: user.name,
      email: user.email,
    })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(inArray(memberships.compactId, compactIds), isNull(user.deactivatedAt)))
    .orderBy(asc(user.name), asc(user.email))
    .all();
  const recipient = ({ userId, name, email }: AlertRecipient) => ({ userId, name, email });
  const recipientsBy = (list: typeof people, key: (person: (typeof people)[number]) => string) =>
    new Map([...groupBy(list, key)].map(([k, group]) => [k, group.map(recipient)]));
  const monitorsOf = recipientsBy(
    people.filter((p) => may(p, 'reportProgress')),
    (p) => `${p.compactId}|${p.partyId}`,
  );
  const adminsOf = recipientsBy(
    people.filter((p) => may(p, 'manageFramework')),
    (p) => p.compactId,
  );
  const indicatorsOf = groupBy(active, (i) => i.compactId);

  const alerts: DeadlineAlert[] = [];
  for (const period of periods) {
    // The state of an unreported indicator is the same for the whole period: computed once.
    const status = deadlineStatus({ period, offsetDays: period.offsetDays, reported: false, now });
    const kind = status.state === 'due-soon' ? 'due-soon' : status.state === 'overdue' ? 'missed' : null;
    if (!kind) continue;
    for (const indicator of indicatorsOf.get(period.compactId) ?? []) {
      if (reported.has(reportedKey(indicator.id, period.id))) continue;
      alerts.push({
        kind,
        key: `deadline-${kind}:${period.id}:${indicator.id}`,
        compactId: period.compactId,
        compactTitle: period.compactTitle,
        period: { id: period.id, label: period.label, endsOn: period.endsOn },
        deadline: status.deadline,
        daysLeft: status.daysLeft,
        indicator: { id: indicator.id, code: indicator.code, title: indicator.title },
        partyId: indicator.partyId,
        monitors: monitorsOf.get(`${period.compactId}|${indicator.partyId}`) ?? [],
        admins: adminsOf.get(period.compactId) ?? [],
      });
    }
  }
  // Code-point order, not the locale's: the same on every machine.
  const order = (a: DeadlineAlert) => [a.compactTitle, a.compactId, a.deadline, a.indicator.code, a.indicator.id];
  const compare = (a: DeadlineAlert, b: DeadlineAlert) => {
    const [x, y] = [order(a), order(b)];
    const i = x.findIndex((value, n) => value !== y[n]);
    return i < 0 ? 0 : x[i]! < y[i]! ? -1 : 1;
  };
  return alerts.sort(compare);
}
