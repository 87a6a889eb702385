// `node --import ./scripts/server-runtime.mjs bench/csv-import.ts` — CSV import costs: parse, checks (outside any
// transaction) and the write transaction, for framework and progress files; and how fast a
// hostile header (a million commas) is refused.
import { createTestDb } from '../tests/helpers/test-db';
import { buildCompact, buildParty, buildUser, addMember } from '../tests/helpers/factories';
import { configureQuarters, frameworkCsv } from '../tests/helpers/framework-fixtures';
import { parseCsv, csvLimitsFromConfig } from '../server/services/csv';
import { CsvErrors } from '../server/services/framework/csv-errors';
import { planFrameworkRows, writeFrameworkRows } from '../server/services/framework/framework-csv-import';
import { importProgressCsv } from '../server/services/framework/progress-csv';
import { importFrameworkCsv } from '../server/services/framework/framework-csv';

const ms = (since: number) => `${(performance.now() - since).toFixed(1)} ms`;

async function main() {
  const db = createTestDb();
  try {
    const party = buildParty(db, { shortCode: 'BEN' });
    const person = await buildUser(db);
    const actor = { userId: person.id, partyId: party.id };
    const limits = csvLimitsFromConfig();
    console.log(`limits: ${JSON.stringify(limits)}`);

    let t = performance.now();
    try {
      parseCsv(','.repeat(1_000_000));
    } catch (error) {
      console.log(`a million commas: refused in ${ms(t)} (${(error as Error).message})`);
    }

    // The costliest framework file the default caps let through (as many targets as they allow,
    // 6 definition cells a row), then 1,000 indicators × 20 periods (6 definition cells a row:
    // 26,000 filled cells), which needs CSV_IMPORT_MAX_FILLED_CELLS raised (or two files).
    const atCap = Math.floor(limits.maxFilledCells / limits.maxColumns);
    for (const [rows, periods, maxFilled] of [
      [atCap, limits.maxColumns - 6, limits.maxFilledCells],
      [1000, 20, 26_000],
    ] as const) {
      process.env.CSV_IMPORT_MAX_FILLED_CELLS = String(maxFilled);
      const writes: number[] = [];
      for (let round = 0; round < 3; round++) {
        const compactId = buildCompact(db).id;
        addMember(db, compactId, person.id, 'admin', party.id);
        configureQuarters(db, compactId, '2025-01-01', periods);
        const text = frameworkCsv(rows, periods, 'BEN');
        t = performance.now();
        const errors = new CsvErrors();
        const table = errors.readTable(text, ['code']);
        if (!table) throw new Error(JSON.stringify(errors.result().errors));
        const parsed = ms(t);
        t = performance.now();
        const planned = planFrameworkRows(db.db, compactId, table, errors);
        const checked = ms(t);
        t = performance.now();
        const result = errors.writeAllOrNothing(db.db, planned.plans.length, (tx) =>
          writeFrameworkRows(tx, actor, compactId, planned, errors),
        );
        writes.push(performance.now() - t);
        console.log(
          `framework ${rows} indicators × ${periods} targets (${text.length} chars): parse ${parsed}, checks ${checked}, write transaction ${writes.at(-1)!.toFixed(1)} ms → ${JSON.stringify(result.ok ? result.imported : result.errors.slice(0, 1))}`,
        );
        if (round > 0) continue;
        t = performance.now();
        const whole = importFrameworkCsv(db.db, actor, compactId, frameworkCsv(rows, periods, 'BEN', 'C'));
        console.log(`  a second file through importFrameworkCsv, end to end: ${ms(t)} → ${whole.ok}`);
        const progress = [
          'indicator_code,period,value,narrative',
          ...Array.from({ length: rows * 2 }, (_, r) => `B-${r >> 1},2025-Q${(r % 2) + 1},${r},Reported ${r}`),
        ].join('\n');
        t = performance.now();
        const imported = importProgressCsv(db.db, actor, compactId, progress);
        console.log(`  progress ${rows * 2} rows, end to end: ${ms(t)} → ${imported.ok}`);
      }
      console.log(`  write transaction median: ${writes.sort((a, b) => a - b)[1]!.toFixed(1)} ms`);
    }
  } finally {
    db.cleanup();
  }
}

await main();
