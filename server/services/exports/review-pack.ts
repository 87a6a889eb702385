import 'server-only';
import type { DbHandle } from '@/db/client';
import type { Headline } from '@/shared/framework/headline';
import { headlineStatus, type IndicatorSnapshot } from '@/shared/reviews/indicator-snapshot';
import { standingAgainst, type Standing } from '@/shared/history/sign-off-standing';
import { cleanText } from '@/shared/negotiation/clean-text';
import { compactTextSchema } from '../../editor/document-content';
import type { CompactMember } from '../../policies/compact-member';
import { may } from '../../policies/role-actions';
import { recordAuditEvent } from '../audit';
import { getCompact } from '../compacts';
import { reviewCycleView } from '../reviews/cycle-view';
import { partySignOffs } from '../sign-offs/sign-off-status';
import { getVersion } from '../versions/version-list';
import { auditExcerpt } from './audit-excerpt';
import { cleanAsBlocks } from './clean-blocks';
import { EXPORT_LABELS } from './export-labels';
import { exportParagraphs } from './export-model';
import { assertPdfPrintable, htmlToPdf } from './pdf';
import { reviewPackDocx } from './review-pack-docx';
import { reviewPackHtml } from './review-pack-html';
import type { PackTable, ReviewPackData } from './review-pack-model';
import { exportContext, fileStem, type ExportedFile } from './text-export';

export const REVIEW_PACK_FORMATS = ['docx', 'pdf'] as const;
export type ReviewPackFormat = (typeof REVIEW_PACK_FORMATS)[number];

const STATUS_WORDS: Record<string, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-data': 'No data',
};
const STANDING_WORDS: Record<Standing, string> = {
  'signed-this': 'Signed this text',
  'signed-other': 'Signed another text',
  'not-signed': 'Not signed',
};

/** Why a headline reads as it does, in words (the review pack is written in English for now). */
function reasonWords(headline: Headline | null): string {
  if (!headline) return 'Nothing reported yet';
  if (headline.reason === 'overdue')
    return `Overdue: last validated ${headline.lastValidated ?? '—'}; ${headline.missedPeriods ?? 0} ended period(s) since without a validated value`;
  if (headline.reason === 'share' && headline.share !== undefined)
    return `${Math.round(headline.share * 100)} % of the expected progress`;
  return REASON_WORDS[headline.reason] ?? headline.reason;
}

const REASON_WORDS: Record<string, string> = {
  rating: 'Rated by the validator',
  'target-held': 'Target: hold the baseline',
  'no-target': 'No target for this period',
  'not-validated': 'Nothing validated for this period',
  'not-due-yet': 'Not reported yet',
};

const number = (value: number | null) => (value === null ? '—' : String(value));

function scorecardTable(snapshot: IndicatorSnapshot): PackTable {
  return {
    caption: `Headline of each indicator as of ${snapshot.asOf.slice(0, 16).replace('T', ' ')} UTC (on track ≥ ${Math.round(
      snapshot.thresholds.onTrack * 100,
    )} % of target, at risk ≥ ${Math.round(snapshot.thresholds.atRisk * 100)} %)`,
    columns: ['Indicator', 'Responsible', 'Period', 'Validated value', 'Target', 'Status', 'Why'],
    rows: snapshot.indicators.map((indicator) => [
      `${indicator.code} ${indicator.title}`,
      indicator.responsiblePartyName,
      indicator.headline?.label ?? '—',
      number(indicator.headline?.actual ?? null),
      number(indicator.headline?.target ?? null),
      STATUS_WORDS[headlineStatus(indicator)] ?? headlineStatus(indicator),
      reasonWords(indicator.headline),
    ]),
  };
}

function signOffTable(handle: DbHandle, compactId: string, baselineHash: string): PackTable {
  return {
    caption: 'Each party’s active sign-off, against the baseline text of this cycle (by content hash)',
    columns: ['Party', 'Standing', 'Version signed', 'Signed by', 'Statement'],
    rows: partySignOffs(handle.db, compactId).map((party) => {
      const active = party.active;
      return [
        `${party.partyCode} ${party.partyName}`,
        STANDING_WORDS[standingAgainst(active, baselineHash)],
        active ? `#${active.versionNumber} ${active.versionName ?? ''}` : '—',
        active
          ? `${active.signedBy.name ?? ''}, ${active.signedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`
          : '—',
        active && active.statement ? `${active.statementKind}: ${active.statement}` : '',
      ];
    }),
  };
}

/**
 * Gathers a review cycle's pack: the baseline's clean text, the redline since the previous
 * baseline (attributed), the scorecard frozen at the cut-off, the sign-off table and an audit
 * excerpt with the chain's head — which the pack publishes (recorded as `review-pack.exported`).
 */
async function packData(
  handle: DbHandle,
  member: CompactMember,
  compactId: string,
  cycleId: string,
  format: ReviewPackFormat,
): Promise<ReviewPackData> {
  const view = await reviewCycleView(handle, compactId, cycleId);
  const baseline = getVersion(handle.db, compactId, view.baseline.versionId);
  const context = exportContext(handle, compactId, view.redline.authors);
  const clean = cleanAsBlocks(
    cleanText(compactTextSchema().nodeFromJSON(baseline.contentJson)),
    EXPORT_LABELS.pendingOptions,
  );
  // The events are the audit log's (viewAudit); every reader's pack carries the head it publishes.
  const audit = auditExcerpt(handle, compactId, may(member, 'viewAudit'));
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
    : 'the empty text';
  return {
    compactTitle: getCompact(handle.db, compactId).title,
    cycleName: view.cycle.name,
    cutOff: view.cycle.cutOffDate,
    generatedAt: new Date(),
    cleanText: exportParagraphs(clean, context),
    redline: {
      title: `From ${fromName} to ${view.baseline.name ?? 'the baseline'}: ${view.redline.changes} changes, each by its party and person`,
      summary: {
        caption: 'Provisions changed',
        columns: ['Provision', 'What changed', 'By'],
        rows: view.redline.provisions.map((change) => [
          `${change.labelAfter ?? change.labelBefore ?? ''} ${change.firstWords}`,
          [
            change.added ? 'added' : '',
            change.removed ? 'deleted' : '',
            change.textChanged ? 'words changed' : '',
            !change.added && !change.removed && change.stateBefore !== change.stateAfter
              ? `agreement ${change.stateBefore ?? '—'} → ${change.stateAfter ?? '—'}`
              : '',
          ]
            .filter(Boolean)
            .join('; '),
          change.authors
            .map((index) => view.redline.authors[index])
            .map((author) => (author?.userId ? `${author.name ?? ''} (${author.partyCode ?? '—'})` : 'The system'))
            .join(', '),
        ]),
      },
      paragraphs: exportParagraphs(view.redline.blocks, context),
    },
    scorecard: scorecardTable(view.snapshot),
    signOffs: signOffTable(handle, compactId, baseline.contentHash),
    audit: { head: audit.head, events: audit.events, excerpt: audit.excerpt },
  };
}

const packStem = (data: ReviewPackData) => fileStem(`review-pack-${data.cycleName}`);

/** A review cycle's pack as Word (redline as tracked changes) or PDF (printed by Chromium). */
export async function reviewPack(
  handle: DbHandle,
  member: CompactMember,
  compactId: string,
  cycleId: string,
  format: ReviewPackFormat,
): Promise<ExportedFile> {
  if (format === 'pdf') assertPdfPrintable();
  const data = await packData(handle, member, compactId, cycleId, format);
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
