import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { indicators, indicatorTargets, progressUpdates } from '@/db/schema/framework';
import { computeFramework, frameworkView } from '@/server/services/framework/framework-view';
import { configureFramework } from '@/server/services/framework/periods';
import { newId } from '@/server/services/ids';
import { buildCompact, buildParty, buildUser } from '@/tests/helpers/factories';
import { medianOf, row, type Row } from '../lib/rows';
import { percentile } from '../lib/stats';

/** 7. The framework page's data (statuses, roll-ups, tasks) for a large framework, server-side. */
export async function benchFrameworkQuery(
  runs: number,
  indicatorCount: number,
  periodCount: number,
  samples: number,
): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-bench-framework-'));
  const handle = openDatabase(path.join(dir, 'compact.db'));
  try {
    const compactId = buildCompact(handle).id;
    const partyId = buildParty(handle).id;
    const monitor = await buildUser(handle);
    const periods = configureFramework(handle.db, { userId: null, partyId: null }, compactId, {
      frequency: 'quarterly',
      startDate: '2020-01-01',
      periods: periodCount,
      onTrackThreshold: 0.9,
      atRiskThreshold: 0.6,
      requireEvidence: false,
    });
    const now = new Date();
    handle.db.transaction((tx) => {
      for (let i = 0; i < indicatorCount; i++) {
        const id = newId();
        tx.insert(indicators)
          .values({
            id,
            compactId,
            code: `B-${i}`,
            title: `Indicator ${i}`,
            level: 'output',
            measure: i % 10 === 0 ? 'qualitative' : 'number',
            direction: i % 3 === 0 ? 'decrease' : 'increase',
            baselineValue: i % 10 === 0 ? null : 100,
            responsiblePartyId: partyId,
            sectionRef: `Section ${i % 12}`,
            state: 'active',
            createdAt: now,
            updatedAt: now,
          })
          .run();
        periods.forEach((period, p) => {
          if (i % 10 !== 0)
            tx.insert(indicatorTargets)
              .values({
                indicatorId: id,
                periodId: period.id,
                value: i % 3 === 0 ? 100 - p * 2 : 100 + p * 3,
                setAt: now,
              })
              .run();
          tx.insert(progressUpdates)
            .values({
              id: newId(),
              compactId,
              indicatorId: id,
              periodId: period.id,
              value: i % 10 === 0 ? null : 100 + p * (i % 4),
              rating: i % 10 === 0 ? 'at-risk' : null,
              validatedRating: i % 10 === 0 ? 'at-risk' : null,
              state: 'validated',
              createdBy: monitor.id,
              createdByPartyId: partyId,
              decidedAt: now,
              createdAt: now,
              updatedAt: now,
            })
            .run();
        });
      }
    });
    const viewer = { userId: monitor.id, partyId, role: 'monitor' as const };
    const today = new Date().toISOString().slice(0, 10);
    const sample = (query: () => unknown) => {
      const results: { p50: number; p95: number }[] = [];
      for (let run = 0; run < runs; run++) {
        const times: number[] = [];
        for (let i = 0; i < samples + 3; i++) {
          const start = performance.now();
          query();
          if (i >= 3) times.push(performance.now() - start);
        }
        results.push({ p50: percentile(times, 50), p95: percentile(times, 95) });
      }
      return { p50: medianOf(results, (r) => r.p50), p95: medianOf(results, (r) => r.p95) };
    };
    // As the page asks for it (the computed framework is reused until the next change), and the
    // computation alone, as right after a change.
    const page = sample(() => frameworkView(handle.db, compactId, viewer));
    const afterChange = sample(() => computeFramework(handle.db, compactId, today));
    const label = `framework page data, ${indicatorCount} indicators × ${periodCount} periods`;
    return [
      row(`${label}: p50 (ms)`, page.p50, null, { kind: 'reported' }),
      row(`${label}: p95 (ms)`, page.p95, null, { kind: 'at-most', value: 100 }),
      row(`${label}, first read after a change: p50 (ms)`, afterChange.p50, null, { kind: 'reported' }),
      row(`${label}, first read after a change: p95 (ms)`, afterChange.p95, null, { kind: 'reported' }),
    ];
  } finally {
    handle.sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
