import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { englishRows } from '../helpers/i18n';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { buildIndicator, quartersAroundToday, progressInput, refusedImport } from '../helpers/framework-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

let compactId: string;
let partyId: string;
let admin: Member, monitor: Member;
let started: { id: string; label: string }, future: { id: string; label: string; startsOn: string };

before(async () => {
  compactId = buildCompact(db).id;
  const party = buildParty(db, { shortCode: 'FUT' });
  partyId = party.id;
  admin = await memberWithRole(db, compactId, 'admin', partyId);
  monitor = await memberWithRole(db, compactId, 'monitor', partyId);
  ({ started, future } = quartersAroundToday(db, compactId));
});

test('progress for a period that has not started is refused — saved, imported or submitted — and nothing is written; its targets can be set', async () => {
  const indicator = buildIndicator(db, compactId, partyId);
  const before = countRows(db, 'progress_updates');
  await assert.rejects(
    monitor.caller.progress.saveDraft({ compactId, ...progressInput(indicator.id, future.id) }),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, 'BAD_REQUEST');
      assert.match(error.message, new RegExp(`${future.label} starts on ${future.startsOn}`));
      return true;
    },
  );
  const imported = await refusedImport(
    monitor.caller.framework.importProgressCsv({
      compactId,
      csv: `indicator_code,period,value\n${indicator.code},${future.label},4\n`,
    }),
  );
  assert.equal(imported.ok, false);
  assert.match(JSON.stringify(englishRows(imported.errors)), /has not started yet/);
  assert.equal(countRows(db, 'progress_updates'), before, 'nothing written');

  // A draft for a future period saved before this rule existed cannot be submitted either.
  const draft = await monitor.caller.progress.saveDraft({ compactId, ...progressInput(indicator.id, started.id) });
  db.sqlite.prepare('UPDATE progress_updates SET period_id = ? WHERE id = ?').run(future.id, draft.id);
  await assert.rejects(monitor.caller.progress.submit({ compactId, updateId: draft.id }), { code: 'BAD_REQUEST' });

  await admin.caller.indicators.setTarget({
    compactId,
    indicatorId: indicator.id,
    target: { periodId: future.id, value: 50 },
  });
  const detail = await monitor.caller.indicators.detail({ compactId, indicatorId: indicator.id });
  assert.equal(detail.series.find((point) => point.periodId === future.id)?.target.value, 50);
});
