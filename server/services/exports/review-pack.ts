import 'server-only';
import type { DbHandle } from '@/db/client';
import type { AppLocale } from '@/i18n/locales';
import { cleanText } from '@/shared/negotiation/clean-text';
import { compactTextSchema } from '../../editor/document-content';
import type { CompactMember } from '../../policies/compact-member';
import { may } from '../../policies/role-actions';
import { recordAuditEvent } from '../audit';
import { getCompact } from '../compacts';
import { reviewCycleView } from '../reviews/cycle-view';
import { getVersion } from '../versions/version-list';
import { auditExcerpt } from './audit-excerpt';
import { cleanAsBlocks } from './clean-blocks';
import { exportLabels } from './export-labels';
import { exportParagraphs } from './export-model';
import { assertPdfPrintable, htmlToPdf } from './pdf';
import { reviewPackDocx } from './review-pack-docx';
import { reviewPackHtml } from './review-pack-html';
import type { ReviewPackData } from './review-pack-model';
import { redlineSummary, scorecardTable, signOffTable } from './review-pack-tables';
import { exportContext, fileStem, type ExportedFile } from './text-export';

export const REVIEW_PACK_FORMATS = ['docx', 'pdf'] as const;
export type ReviewPackFormat = (typeof REVIEW_PACK_FORMATS)[number];

/**
 * Gathers a review cycle's pack: the baseline's clean text, the redline since the previous
 * baseline (attributed), the scorecard frozen at the cut-off, the sign-off table and an audit
 * excerpt with the chain's head — which the pack publishes (recorded as `review-pack.exported`).
 * Written in the reader's language (`locale`); the texts keep the compact text's language.
 */
async function packData(
  handle: DbHandle,
  member: CompactMember,
  compactId: string,
  cycleId: string,
  format: ReviewPackFormat,
  locale: AppLocale,
): Promise<ReviewPackData> {
  const compact = getCompact(handle.db, compactId);
  const labels = exportLabels(locale, compact.textLanguage);
  const { t } = labels;
  const view = await reviewCycleView(handle, compactId, cycleId);
  const baseline = getVersion(handle.db, compactId, view.baseline.versionId);
  const context = exportContext(handle, compactId, labels, view.redline.authors);
  const clean = cleanAsBlocks(cleanText(compactTextSchema().nodeFromJSON(baseline.contentJson)), labels.pendingOptions);
  // The events are the audit log's (viewAudit); every reader's pack carries the head it publishes.
  const audit = auditExcerpt(handle, compactId, may(member, 'viewAudit'), labels);
  recordAuditEvent(handle.db, member, {
    compactId,
    action: 'review-pack.exported',
    entityType: 'review-cycle',
    entityId: cycleId,
    after: {
      format,
      head: audit.head,
      events: audit.events,
      upToEventId: audit.upToEventId,
      baselineHash: baseline.contentHash,
    },
  });
  const fromName = view.from
    ? (view.from.cycleName ?? `#${view.from.number} ${view.from.name ?? ''}`)
    : t('export.pack.emptyText');
  return {
    labels,
    compactTitle: compact.title,
    cycleName: view.cycle.name,
    cutOff: view.cycle.cutOffDate,
    generatedAt: new Date(),
    cleanText: exportParagraphs(clean, context),
    redline: {
      title: t('export.pack.redlineTitle', {
        from: fromName,
        to: view.baseline.name ?? t('export.pack.baseline'),
        changes: view.redline.changes,
      }),
      summary: redlineSummary(labels, view.redline.provisions, view.redline.authors),
      paragraphs: exportParagraphs(view.redline.blocks, context),
    },
    scorecard: scorecardTable(labels, view.snapshot),
    signOffs: signOffTable(labels, handle, compactId, baseline.contentHash),
    audit: { head: audit.head, events: audit.events, excerpt: audit.excerpt },
  };
}

const packStem = (data: ReviewPackData) => fileStem(`review-pack-${data.cycleName}`);

/** A review cycle's pack as Word (redline as tracked changes) or PDF (printed by Chromium), in the reader's language. */
export async function reviewPack(
  handle: DbHandle,
  member: CompactMember,
  compactId: string,
  cycleId: string,
  format: ReviewPackFormat,
  locale: AppLocale,
): Promise<ExportedFile> {
  if (format === 'pdf') assertPdfPrintable();
  const data = await packData(handle, member, compactId, cycleId, format, locale);
  if (format === 'docx')
    return {
      body: await reviewPackDocx(data),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: `${packStem(data)}.docx`,
    };
  return {
    body: new Uint8Array(await htmlToPdf(reviewPackHtml(data))),
    contentType: 'application/pdf',
    filename: `${packStem(data)}.pdf`,
  };
}
