import type { createFormatter } from 'use-intl/core';

/**
 * The formatter of `useFormatter()` (client and sync server components), `getFormatter()` (async
 * server components) or `formatterFor()` (server code): its locale, time zone and named formats
 * (i18n/formats.ts) are the reader's, so the server and the browser write the same text.
 */
export type Format = Pick<ReturnType<typeof createFormatter>, 'dateTime' | 'number'>;

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** A `YYYY-MM-DD` day (or the day of an ISO timestamp) as UTC midnight; null when it is not one. */
export function utcDay(iso: string): Date | null {
  const match = CALENDAR_DAY.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // 2026-02-30 would roll over into March: only a day that exists is one.
  return date.toISOString().slice(0, 10) === match[0] ? date : null;
}

/**
 * A calendar day (period, deadline, cut-off) as a person reads it, the same day in every time
 * zone: "12 October 2026", "12 octobre 2026", "12 أكتوبر 2026". Text that is no day is returned as it is.
 */
export function calendarDay(format: Format, iso: string): string {
  const date = utcDay(iso);
  return date ? format.dateTime(date, 'day') : iso;
}

/** A moment (when something happened), in the reader's time zone: "12 October 2026 at 14:05". */
export function moment(format: Format, at: Date | string | number): string {
  return format.dateTime(at instanceof Date ? at : new Date(at), 'moment');
}

/** The day of a moment, in the reader's time zone: "12 Oct 2026" (lists and tables). */
export function dayOf(format: Format, at: Date | string | number): string {
  return format.dateTime(at instanceof Date ? at : new Date(at), 'short');
}

/** A share of 1 as a whole percent: 0.42 → "42%" (English), "42 %" (French). */
export function percentOfShare(format: Format, share: number): string {
  return format.number(share, 'percent');
}

/** How many decimals a percent unit keeps (values are stored with up to two). */
const PERCENT_DIGITS = { style: 'percent', maximumFractionDigits: 2 } as const;

/**
 * An indicator's value with its unit: a `%` unit reads as a percent in the reader's typography
 * ("42%", "42 %"), any other unit follows the number ("12,345.6 km", "12 345,6 km").
 */
export function indicatorValue(format: Format, value: number, unit?: string | null): string {
  const trimmed = unit?.trim() ?? '';
  if (trimmed === '%') return format.number(value / 100, PERCENT_DIGITS);
  const number = format.number(value, 'value');
  return trimmed ? `${number} ${trimmed}` : number;
}
