'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import type { Translate } from '@/i18n/types';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { useTRPC } from '@/app/_lib/trpc';
import type { SnapshotIndicator } from '@/shared/reviews/indicator-snapshot';
import { FindingActions } from './FindingActions';
import { FindingForm } from './FindingForm';
import { moment } from '@/i18n/format';

type Finding = RouterOutputs['reviews']['findings'][number];

const subjectKey = (finding: Finding) => `${finding.subjectType}|${finding.subjectId ?? ''}`;
const subjectName = (t: Translate, finding: Finding) =>
  finding.subjectType === 'general' ? t('reviews.subject.general') : finding.subjectLabel;

function FindingItem({ compactId, finding, canRecord }: { compactId: string; finding: Finding; canRecord: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const kind = t(`reviews.kind.${finding.kind}` as MessageKey);
  const status = t(`reviews.status.${finding.status}` as MessageKey);
  return (
    <li className={`finding finding-${finding.status}`}>
      <p className="small muted">
        <strong>{kind}</strong> · {status} ·{' '}
        {t('reviews.recordedBy', {
          kind,
          who: finding.createdBy ?? '—',
          when: moment(format, finding.createdAt),
        })}
      </p>
      <p className="pre-wrap">{finding.body}</p>
      {finding.resolution ? <p className="pre-wrap small">{finding.resolution}</p> : null}
      {finding.statusChangedAt ? (
        <p className="small muted">
          {t('reviews.movedBy', {
            status,
            who: finding.statusChangedBy ?? '—',
            when: moment(format, finding.statusChangedAt),
          })}
        </p>
      ) : null}
      {canRecord ? <FindingActions compactId={compactId} finding={finding} /> : null}
    </li>
  );
}

/** A cycle's findings and questions grouped by subject (provision citation, indicator code, general). */
export function Findings({
  compactId,
  cycleId,
  canRecord,
  indicators,
}: {
  compactId: string;
  cycleId: string;
  canRecord: boolean;
  indicators: Pick<SnapshotIndicator, 'id' | 'code' | 'title'>[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const findings = useQuery(trpc.reviews.findings.queryOptions({ compactId, cycleId }));
  const bySubject = new Map<string, Finding[]>();
  for (const finding of findings.data ?? [])
    bySubject.set(subjectKey(finding), [...(bySubject.get(subjectKey(finding)) ?? []), finding]);
  const groups = [...bySubject.values()];
  return (
    <section className="card" aria-labelledby="review-findings">
      <h2 id="review-findings">{t('reviews.findingsTitle')}</h2>
      {findings.data && findings.data.length === 0 ? <p className="muted small">{t('reviews.findingsNone')}</p> : null}
      {groups.map((group) => (
        <div key={subjectKey(group[0]!)}>
          <h3>{subjectName(t, group[0]!)}</h3>
          <ul className="findings">
            {group.map((finding) => (
              <FindingItem key={finding.id} compactId={compactId} finding={finding} canRecord={canRecord} />
            ))}
          </ul>
        </div>
      ))}
      {canRecord ? <FindingForm compactId={compactId} cycleId={cycleId} indicators={indicators} /> : null}
    </section>
  );
}
