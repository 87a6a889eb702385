import { Fragment } from 'react';
import { isHttpLink } from '@/shared/framework/progress-rules';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { formatCategories } from './progress-form-values';
import { indicatorValue, type Format } from '@/i18n/format';

export interface UpdateDetailsIndicator {
  measure: 'number' | 'percentage' | 'qualitative';
  unit: string;
  disaggregation: string[];
}

export interface UpdateDetailsFields {
  value: number | null;
  rating: string | null;
  validatedRating?: string | null;
  narrative: string;
  disaggregated: Record<string, Record<string, number>>;
  confidence: string;
  comment: string;
  evidenceLinks: string[];
  files?: { id: string; filename: string; size: number }[];
  validationNote?: string | null;
}

/** "12 people", "45%" ("45 %" in French): what an update reports, as entered, in the reader's number format. */
export function reportedValue(
  format: Format,
  indicator: Pick<UpdateDetailsIndicator, 'measure' | 'unit'>,
  value: number | null,
) {
  if (value === null) return '—';
  return indicatorValue(format, value, indicator.measure === 'percentage' ? '%' : indicator.unit);
}

/**
 * Everything a monitor entered in an update — value or rating, narrative, breakdown, confidence,
 * comment, evidence links and files — and the validator's note: the same on the grid, the
 * indicator's history and the validation queue, so nobody decides on less than was entered.
 */
export function UpdateDetails({
  compactId,
  indicator,
  update,
}: {
  compactId: string;
  indicator: UpdateDetailsIndicator;
  update: UpdateDetailsFields;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const rating = update.validatedRating ?? update.rating;
  const dimensions = Object.keys(update.disaggregated).filter((d) => formatCategories(update.disaggregated, d));
  const files = update.files ?? [];
  return (
    <dl className="definition update-details">
      <dt>{indicator.measure === 'qualitative' ? t('progress.rating') : t('progress.value')}</dt>
      <dd>
        {indicator.measure === 'qualitative'
          ? t(`status.${rating ?? 'no-data'}` as MessageKey)
          : reportedValue(format, indicator, update.value)}
        {update.validatedRating && update.rating && update.validatedRating !== update.rating && (
          <span className="muted small">
            {' '}
            ({t('progress.proposedRating', { rating: t(`status.${update.rating}` as MessageKey) })})
          </span>
        )}
      </dd>
      <dt>{t('progress.narrative')}</dt>
      <dd className="pre-wrap">{update.narrative || <span className="muted">—</span>}</dd>
      {dimensions.map((dimension) => (
        <Fragment key={dimension}>
          <dt>{t('progress.breakdown', { dimension })}</dt>
          <dd>{formatCategories(update.disaggregated, dimension)}</dd>
        </Fragment>
      ))}
      <dt>{t('progress.confidence')}</dt>
      <dd>{t(`confidence.${update.confidence}` as MessageKey)}</dd>
      <dt>{t('progress.comment')}</dt>
      <dd className="pre-wrap">{update.comment || <span className="muted">—</span>}</dd>
      <dt>{t('progress.evidenceShort')}</dt>
      <dd>
        {update.evidenceLinks.length === 0 && files.length === 0 && (
          <span className="muted">{t('progress.noEvidence')}</span>
        )}
        {(update.evidenceLinks.length > 0 || files.length > 0) && (
          <ul className="plain evidence-list">
            {/* Only web links get an href: rows stored before links were checked may hold javascript: or data: URLs. */}
            {update.evidenceLinks.map((link) => (
              <li key={link}>
                {isHttpLink(link) ? (
                  <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                    {link}
                  </a>
                ) : (
                  <span className="muted">{link}</span>
                )}
              </li>
            ))}
            {files.map((file) => (
              <li key={file.id}>
                <a href={`/api/compacts/${compactId}/evidence/${file.id}`}>{file.filename}</a>{' '}
                <span className="muted small">
                  {t('progress.fileSize', { kb: Math.max(1, Math.round(file.size / 1024)) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </dd>
      {update.validationNote && (
        <>
          <dt>{t('progress.validationNote')}</dt>
          <dd className="pre-wrap">{update.validationNote}</dd>
        </>
      )}
    </dl>
  );
}
