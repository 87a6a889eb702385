import 'server-only';
import type { DbHandle } from '@/db/client';
import { indicatorValue } from '@/i18n/format';
import type { Headline } from '@/shared/framework/headline';
import type { ProvisionChange, RedlineAuthor } from '@/shared/history/redline';
import { standingAgainst } from '@/shared/history/sign-off-standing';
import { isAgreementState } from '@/shared/negotiation/vocabulary';
import { headlineStatus, type IndicatorSnapshot, type SnapshotIndicator } from '@/shared/reviews/indicator-snapshot';
import { partySignOffs } from '../sign-offs/sign-off-status';
import type { ExportLabels } from './export-labels';
import type { PackTable } from './review-pack-model';

/** Why a headline reads as it does, in the reader's words (the same reasons as the framework board). */
function reasonWords(labels: ExportLabels, headline: Headline | null): string {
  const { t } = labels;
  if (!headline) return t('export.pack.scorecard.nothing');
  if (headline.reason === 'overdue')
    return t('reason.overdue', { last: headline.lastValidated ?? '—', missed: headline.missedPeriods ?? 0 });
  if (headline.reason === 'share')
    return t('reason.share', { share: headline.share === undefined ? '—' : labels.percent(headline.share) });
  return t(`reason.${headline.reason}`);
}

const valueOf = (labels: ExportLabels, indicator: SnapshotIndicator, value: number | null | undefined) =>
  value === null || value === undefined ? '—' : indicatorValue(labels.format, value, indicator.unit);

/** The scorecard frozen at the cut-off: each indicator's headline, with its status and why. */
export function scorecardTable(labels: ExportLabels, snapshot: IndicatorSnapshot): PackTable {
  const { t } = labels;
  return {
    caption: t('export.pack.scorecard.caption', {
      asOf: labels.utc(new Date(snapshot.asOf)),
      onTrack: labels.percent(snapshot.thresholds.onTrack),
      atRisk: labels.percent(snapshot.thresholds.atRisk),
    }),
    columns: (['indicator', 'responsible', 'period', 'value', 'target', 'status', 'why'] as const).map((column) =>
      t(`export.pack.scorecard.${column}`),
    ),
    rows: snapshot.indicators.map((indicator) => [
      `${indicator.code} ${indicator.title}`,
      indicator.responsiblePartyName,
      indicator.headline?.label ?? '—',
      valueOf(labels, indicator, indicator.headline?.actual),
      valueOf(labels, indicator, indicator.headline?.target),
      t(`status.${headlineStatus(indicator)}`),
      reasonWords(labels, indicator.headline),
    ]),
  };
}

/** Each party's active sign-off, against the cycle's baseline text (by content hash). */
export function signOffTable(
  labels: ExportLabels,
  handle: DbHandle,
  compactId: string,
  baselineHash: string,
): PackTable {
  const { t } = labels;
  return {
    caption: t('export.pack.signOffs.caption'),
    columns: (['party', 'standing', 'version', 'signedBy', 'statement'] as const).map((column) =>
      t(`export.pack.signOffs.${column}`),
    ),
    rows: partySignOffs(handle.db, compactId).map((party) => {
      const active = party.active;
      return [
        `${party.partyCode} ${party.partyName}`,
        t(`reviews.standing.${standingAgainst(active, baselineHash)}`),
        active ? `#${active.versionNumber} ${active.versionName ?? ''}` : '—',
        active ? `${active.signedBy.name ?? ''}, ${labels.utc(active.signedAt)}` : '—',
        active && active.statement ? `${t(`signOffs.statement.${active.statementKind}`)} — ${active.statement}` : '',
      ];
    }),
  };
}

const stateWords = (labels: ExportLabels, state: string | null | undefined) =>
  isAgreementState(state) ? labels.stateName(state) : (state ?? '—');

/** What the redline changed, provision by provision, and by whom. */
export function redlineSummary(
  labels: ExportLabels,
  provisions: ProvisionChange[],
  authors: RedlineAuthor[],
): PackTable {
  const { t, format } = labels;
  return {
    caption: t('export.pack.summary.caption'),
    columns: (['provision', 'what', 'by'] as const).map((column) => t(`export.pack.summary.${column}`)),
    rows: provisions.map((change) => {
      const what = [
        change.added ? t('export.pack.summary.added') : '',
        change.removed ? t('export.pack.summary.removed') : '',
        change.textChanged ? t('export.pack.summary.words') : '',
        !change.added && !change.removed && change.stateBefore !== change.stateAfter
          ? t('export.pack.summary.agreement', {
              before: stateWords(labels, change.stateBefore),
              after: stateWords(labels, change.stateAfter),
            })
          : '',
      ].filter(Boolean);
      const by = change.authors.map((index) => authors[index]).map((author) => (author ? labels.author(author) : '—'));
      return [
        `${change.labelAfter ?? change.labelBefore ?? ''} ${change.firstWords}`,
        format.list(what, { type: 'unit' }),
        format.list(by, { type: 'unit' }),
      ];
    }),
  };
}
