import type { Formats } from 'use-intl/core';

/**
 * Named formats shared by every translator and formatter. Calendar days (periods, deadlines,
 * cut-offs) are stored as `YYYY-MM-DD` and read in UTC, so a day never shifts with the reader's zone.
 */
export const formats = {
  dateTime: {
    day: { dateStyle: 'long', timeZone: 'UTC' },
    moment: { dateStyle: 'long', timeStyle: 'short' },
    short: { dateStyle: 'medium' },
  },
  number: {
    percent: { style: 'percent', maximumFractionDigits: 0 },
    value: { maximumFractionDigits: 2 },
  },
} satisfies Formats;
