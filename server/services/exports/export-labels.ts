import 'server-only';
import { formatterFor, translatorFor } from '@/i18n/catalogues';
import { calendarDay, moment, percentOfShare } from '@/i18n/format';
import { DIRECTION, type AppLocale } from '@/i18n/locales';
import type { Translate } from '@/i18n/types';
import type { RedlineAuthor } from '@/shared/history/redline';
import { textDirection, type TextLanguage } from '@/shared/text-languages';
import type { ExportContext } from './export-model';

/** The reader's words around a text: who made a change, and how a change is named (Markdown). */
export interface RunWords {
  /** A change's author: "Name (CODE)", or the system. */
  author: (author: RedlineAuthor) => string;
  inserted: string;
  removed: string;
}

/**
 * Everything an export writes in the reader's language — labels, dates, percentages — and the
 * languages of the file: the reader's for labels, the compact text's for the text itself.
 */
export interface ExportLabels extends RunWords, Pick<ExportContext, 'stateName' | 'deletedLabel' | 'optionLabel'> {
  reader: { lang: AppLocale; dir: 'ltr' | 'rtl' };
  text: { lang: TextLanguage; dir: 'ltr' | 'rtl' };
  t: Translate;
  format: ReturnType<typeof formatterFor>;
  pendingOptions: (count: number) => string;
  /** A calendar day (`YYYY-MM-DD`): "12 October 2026". */
  day: (iso: string) => string;
  /** A moment read in UTC, saying so: "12 October 2026 at 14:05 UTC". */
  utc: (at: Date) => string;
  /** A share of 1 as a percent: "42%", "42 %". */
  percent: (share: number) => string;
}

/** The labels of an export read by a person in `locale`, of a compact whose text is in `textLanguage`. */
export function exportLabels(locale: AppLocale, textLanguage: TextLanguage = 'en'): ExportLabels {
  const t = translatorFor(locale);
  // Exports are read anywhere: their times are UTC and say so.
  const format = formatterFor(locale, 'UTC');
  const system = t('export.system');
  return {
    reader: { lang: locale, dir: DIRECTION[locale] },
    text: { lang: textLanguage, dir: textDirection(textLanguage) },
    t,
    format,
    stateName: (state) => t(`negotiation.state.${state}`),
    deletedLabel: (label) => t('export.deletedLabel', { label }),
    optionLabel: (party) => t('export.option', { party }),
    pendingOptions: (count) => t('export.pendingOptions', { count }),
    author: (author) =>
      author.userId ? `${author.name ?? t('export.unknownAuthor')} (${author.partyCode ?? '—'})` : system,
    inserted: t('export.inserted'),
    removed: t('export.removed'),
    day: (iso) => calendarDay(format, iso),
    utc: (at) => t('export.utc', { time: moment(format, at) }),
    percent: (share) => percentOfShare(format, share),
  };
}
