import 'server-only';
import type { Tx } from '@/db/client';
import type { IndicatorLevel, IndicatorMeasure } from '@/shared/enums';
import {
  commitments,
  frameworkSettings,
  indicators,
  indicatorTargets,
  progressComments,
  progressUpdates,
  reportingPeriods,
} from '@/db/schema/framework';
import { newId } from './ids';
import { generatePeriods } from './framework/periods';
import type { Rating } from '@/shared/framework/indicator-status';
import type { DemoProvisionKey } from '../editor/demo-compact-text';

interface DemoIndicator {
  code: string;
  title: string;
  level: IndicatorLevel;
  measure: IndicatorMeasure;
  unit: string;
  direction: 'increase' | 'decrease';
  aggregation?: 'per-period' | 'cumulative';
  baseline: number | null;
  /** Target for the last of the eight periods with targets; earlier ones are interpolated from the baseline. */
  finalTarget: number | null;
  /** Fraction of the expected progress reached in each of the six past quarters (null: nothing reported). */
  pace: (number | null)[];
  party: string;
  section: string;
  /** The provision of the demo text it implements. */
  provision?: DemoProvisionKey;
  ratings?: Rating[];
  disaggregation?: string[];
}

const PAST_QUARTERS = 6;

const DEMO_INDICATORS: DemoIndicator[] = [
  {
    code: 'POC-1',
    title: 'Civilians killed in conflict-related violence',
    level: 'impact',
    measure: 'number',
    unit: 'people',
    direction: 'decrease',
    baseline: 140,
    finalTarget: 60,
    pace: [1, 1.05, 0.95, 1, 0.97, 1.02],
    party: 'mission',
    section: '2. Protection of civilians',
    provision: 'poc-mission',
  },
  {
    code: 'POC-2',
    title: 'Early-warning alerts answered within 24 hours',
    level: 'outcome',
    measure: 'percentage',
    unit: '%',
    direction: 'increase',
    baseline: 45,
    finalTarget: 85,
    pace: [0.9, 0.8, 0.75, 0.7, 0.72, 0.68],
    party: 'mission',
    section: '2. Protection of civilians',
    provision: 'poc-mission',
  },
  {
    code: 'POC-3',
    title: 'Joint protection team missions',
    level: 'output',
    measure: 'number',
    unit: 'missions',
    direction: 'increase',
    baseline: 4,
    finalTarget: 20,
    pace: [0.7, 0.5, 0.45, 0.4, 0.5, null],
    party: 'mission',
    section: '2. Protection of civilians',
    provision: 'poc-primary',
    disaggregation: ['region'],
  },
  {
    code: 'POL-1',
    title: 'Local reconciliation dialogues held',
    level: 'output',
    measure: 'number',
    unit: 'dialogues',
    direction: 'increase',
    aggregation: 'cumulative',
    baseline: 0,
    finalTarget: 24,
    pace: [1.1, 1, 1, 0.95, 1, 1],
    party: 'mission',
    section: '1. Political priorities',
    provision: 'political',
  },
  {
    code: 'POL-2',
    title: 'Women in local dialogue committees',
    level: 'outcome',
    measure: 'percentage',
    unit: '%',
    direction: 'increase',
    baseline: 18,
    finalTarget: 35,
    pace: [0.9, 0.85, 0.8, 0.75, 0.7, 0.7],
    party: 'aldoria',
    section: '1. Political priorities',
    provision: 'reconciliation',
  },
  {
    code: 'POL-3',
    title: 'Inclusiveness of the national dialogue',
    level: 'impact',
    measure: 'qualitative',
    unit: '',
    direction: 'increase',
    baseline: null,
    finalTarget: null,
    pace: [1, 1, 1, 1, 1, 1],
    party: 'aldoria',
    section: '1. Political priorities',
    provision: 'political',
    ratings: ['at-risk', 'at-risk', 'on-track', 'on-track', 'at-risk', 'on-track'],
  },
  {
    code: 'PERF-1',
    title: 'Contingent units meeting readiness standards',
    level: 'output',
    measure: 'percentage',
    unit: '%',
    direction: 'increase',
    baseline: 70,
    finalTarget: 95,
    pace: [1, 1, 0.98, 1, 1.02, 1],
    party: 'varenia',
    section: '3. Performance expectations',
    provision: 'readiness',
  },
  {
    code: 'PERF-2',
    title: 'Undeclared caveats reported',
    level: 'output',
    measure: 'number',
    unit: 'caveats',
    direction: 'decrease',
    baseline: 6,
    finalTarget: 0,
    pace: [0.5, 0.4, 0.5, 0.3, 0.4, 0.3],
    party: 'varenia',
    section: '3. Performance expectations',
    provision: 'readiness',
  },
  {
    code: 'CON-1',
    title: 'Movement restrictions notified within 24 hours',
    level: 'outcome',
    measure: 'percentage',
    unit: '%',
    direction: 'increase',
    baseline: 40,
    finalTarget: 90,
    pace: [0.6, 0.5, 0.4, 0.45, 0.4, 0.35],
    party: 'aldoria',
    section: '4. Consent parameters',
    provision: 'freedom',
  },
  {
    code: 'CON-2',
    title: 'Days of denied access for patrols',
    level: 'outcome',
    measure: 'number',
    unit: 'days',
    direction: 'decrease',
    baseline: 30,
    finalTarget: 5,
    pace: [0.8, 0.7, 0.75, 0.65, 0.7, 0.7],
    party: 'aldoria',
    section: '4. Consent parameters',
    provision: 'freedom',
  },
  {
    code: 'MA-1',
    title: 'Joint Coordination Committee meetings held',
    level: 'output',
    measure: 'number',
    unit: 'meetings',
    direction: 'increase',
    aggregation: 'cumulative',
    baseline: 0,
    finalTarget: 8,
    pace: [1, 1, 1, 1, 1, 1],
    party: 'secretariat',
    section: '5. Mutual accountability',
  },
  {
    code: 'AU-1',
    title: 'AU human-rights observers deployed',
    level: 'output',
    measure: 'number',
    unit: 'observers',
    direction: 'increase',
    baseline: 10,
    finalTarget: 50,
    pace: [0.9, 0.9, null, null, null, null],
    party: 'au',
    section: '5. Mutual accountability',
  },
];

function quarterStart(date: Date, quartersBack: number): string {
  const q = Math.floor(date.getUTCMonth() / 3) - quartersBack;
  return new Date(Date.UTC(date.getUTCFullYear(), q * 3, 1)).toISOString().slice(0, 10);
}

/**
 * The demo accountability framework: quarterly periods (six of them past), twelve indicators
 * across the parties, validated progress with a mix of statuses, submissions awaiting
 * validation and one returned update with its discussion.
 */
export function seedDemoFramework(
  tx: Tx,
  compactId: string,
  partyIds: Map<string, string>,
  reporters: Map<string, string>,
  validatorId: string,
  adminId: string,
  provisionIds: ReadonlyMap<DemoProvisionKey, string>,
  now = new Date(),
) {
  const spans = generatePeriods('quarterly', quarterStart(now, PAST_QUARTERS), 12);
  const periods = spans.map((span) => ({ id: newId(), compactId, ...span }));
  for (const period of periods) tx.insert(reportingPeriods).values(period).run();
  tx.insert(frameworkSettings)
    .values({
      compactId,
      frequency: 'quarterly',
      startDate: spans[0]!.startsOn,
      onTrackThreshold: 0.9,
      atRiskThreshold: 0.6,
      requireEvidence: false,
    })
    .run();
  const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000);
  const commitmentId = newId();
  tx.insert(commitments)
    .values({
      id: commitmentId,
      compactId,
      reference: '2. Protection of civilians',
      leadPartyId: partyIds.get('mission')!,
      supportingPartyIds: [partyIds.get('aldoria')!],
      deliverable: 'Early-warning and response network in the northern provinces',
      provisionId: provisionIds.get('poc-mission')!,
      dueDate: spans[7]!.endsOn,
      narrativeStatus: 'Network covers 9 of 14 districts.',
      createdAt: day(400),
    })
    .run();

  for (const demo of DEMO_INDICATORS) {
    const id = newId();
    const partyId = partyIds.get(demo.party)!;
    tx.insert(indicators)
      .values({
        id,
        compactId,
        code: demo.code,
        title: demo.title,
        description: '',
        level: demo.level,
        measure: demo.measure,
        unit: demo.unit,
        direction: demo.direction,
        aggregation: demo.aggregation ?? 'per-period',
        baselineValue: demo.baseline,
        baselineDate: demo.baseline === null ? null : spans[0]!.startsOn,
        reportingFrequency: 'quarterly',
        meansOfVerification: 'Quarterly mission and government reports',
        responsiblePartyId: partyId,
        commitmentId: demo.code.startsWith('POC') ? commitmentId : null,
        sectionRef: demo.section,
        provisionId: demo.provision ? provisionIds.get(demo.provision)! : null,
        disaggregation: demo.disaggregation ?? [],
        state: 'active',
        createdAt: day(420),
        updatedAt: day(420),
      })
      .run();
    const targets: number[] = [];
    if (demo.finalTarget !== null && demo.baseline !== null) {
      for (let i = 0; i < 8; i++) {
        const value = Math.round((demo.baseline + ((i + 1) / 8) * (demo.finalTarget - demo.baseline)) * 10) / 10;
        targets.push(value);
        tx.insert(indicatorTargets)
          .values({ indicatorId: id, periodId: periods[i]!.id, value, setBy: adminId, setAt: day(410) })
          .run();
      }
    }
    const reporter = reporters.get(demo.party)!;
    demo.pace.forEach((pace, i) => {
      if (pace === null) return;
      const last = i === PAST_QUARTERS - 1;
      const state =
        last && ['POC-2', 'PERF-1', 'CON-2'].includes(demo.code)
          ? 'submitted'
          : last && demo.code === 'POL-2'
            ? 'returned'
            : 'validated';
      let value: number | null = null;
      if (demo.measure !== 'qualitative' && demo.baseline !== null) {
        const expected = targets[i]! - demo.baseline;
        const reached = demo.baseline + pace * expected;
        const perPeriod =
          demo.aggregation === 'cumulative'
            ? reached -
              (i === 0 ? demo.baseline : demo.baseline + (demo.pace[i - 1] ?? 1) * (targets[i - 1]! - demo.baseline))
            : reached;
        value = Math.max(0, Math.round(perPeriod * 10) / 10);
      }
      const rating = demo.ratings?.[i] ?? null;
      // Reported some days after the quarter closed, decided some days later (never in the future).
      const closed = new Date(`${periods[i]!.endsOn}T00:00:00Z`).getTime();
      const submittedAt = new Date(Math.min(closed + 12 * 86_400_000, now.getTime() - 2 * 86_400_000));
      const decided = new Date(Math.min(submittedAt.getTime() + 6 * 86_400_000, now.getTime() - 86_400_000));
      const updateId = newId();
      const disaggregated: Record<string, Record<string, number>> = demo.disaggregation && value !== null
        ? {
            region: {
              north: Math.round(value * 0.6 * 10) / 10,
              south: Math.round((value - Math.round(value * 0.6 * 10) / 10) * 10) / 10,
            },
          }
        : {};
      tx.insert(progressUpdates)
        .values({
          id: updateId,
          compactId,
          indicatorId: id,
          periodId: periods[i]!.id,
          value,
          rating,
          narrative: rating ? 'Assessment agreed in the Joint Coordination Committee.' : '',
          disaggregated,
          evidenceLinks: ['https://example.org/reports/quarterly'],
          confidence: 'medium',
          comment: '',
          state,
          validatedRating: state === 'validated' ? rating : null,
          returnedReason: state === 'returned' ? 'Please attach the committee membership lists.' : null,
          createdBy: reporter,
          createdByPartyId: partyId,
          submittedBy: reporter,
          submittedAt,
          decidedBy: state === 'submitted' ? null : validatorId,
          decidedAt: state === 'submitted' ? null : decided,
          createdAt: submittedAt,
          updatedAt: submittedAt,
        })
        .run();
      if (state === 'returned') {
        tx.insert(progressComments)
          .values({
            updateId,
            authorId: validatorId,
            body: 'Please attach the committee membership lists.',
            createdAt: day(5),
          })
          .run();
        tx.insert(progressComments)
          .values({
            updateId,
            authorId: reporter,
            body: 'The lists are with the provincial offices; we will upload them this week.',
            createdAt: day(3),
          })
          .run();
      }
    });
  }
}
