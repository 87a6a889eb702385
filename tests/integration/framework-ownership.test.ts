import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { buildIndicator, configureQuarters, definition, progressInput } from '../helpers/framework-fixtures';
import { MAX_DISAGGREGATION_CATEGORIES } from '@/shared/framework/progress-rules';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

let compactId: string;
let periods: { id: string; label: string }[];
let partyA: string, partyB: string;
let admin: Member, monitorA: Member, monitorB: Member;

before(async () => {
  compactId = buildCompact(db).id;
  partyA = buildParty(db).id;
  partyB = buildParty(db).id;
  admin = await memberWithRole(db, compactId, 'admin', partyA);
  monitorA = await memberWithRole(db, compactId, 'monitor', partyA);
  monitorB = await memberWithRole(db, compactId, 'monitor', partyB);
  periods = configureQuarters(db, compactId, '2025-01-01', 8);
});

/** An administrator makes another party responsible for an indicator. */
async function handTo(indicator: ReturnType<typeof buildIndicator>, partyId: string) {
  const { id: _id, state: _state, provisionId: _provision, ...current } = indicator;
  await admin.caller.indicators.update({
    compactId,
    indicatorId: indicator.id,
    ...definition(partyId, { ...current, responsiblePartyId: partyId }),
  });
}

test('an indicator handed to another party: its new party cannot submit the draft the old party wrote', async () => {
  const indicator = buildIndicator(db, compactId, partyA);
  const draft = await monitorA.caller.progress.saveDraft({ compactId, ...progressInput(indicator.id, periods[0]!.id) });
  await handTo(indicator, partyB);
  const events = countRows(db, 'audit_events');
  await assert.rejects(monitorB.caller.progress.submit({ compactId, updateId: draft.id }), { code: 'FORBIDDEN' });
  const detail = await admin.caller.indicators.detail({ compactId, indicatorId: indicator.id });
  assert.equal(detail.updates.find((u) => u.id === draft.id)?.state, 'draft', 'still a draft');
  assert.equal(countRows(db, 'audit_events'), events, 'no audit event');
});

test('a retired indicator takes no new targets (as its page shows), and nothing is written', async () => {
  const indicator = buildIndicator(db, compactId, partyA);
  await admin.caller.indicators.retire({ compactId, indicatorId: indicator.id });
  const detail = await admin.caller.indicators.detail({ compactId, indicatorId: indicator.id });
  assert.equal(detail.can.setTargets, false);
  const targets = countRows(db, 'indicator_targets');
  const events = countRows(db, 'audit_events');
  await assert.rejects(
    admin.caller.indicators.setTarget({
      compactId,
      indicatorId: indicator.id,
      target: { periodId: periods[0]!.id, value: 10 },
    }),
    { code: 'CONFLICT' },
  );
  assert.equal(countRows(db, 'indicator_targets'), targets, 'no target row');
  assert.equal(countRows(db, 'audit_events'), events, 'no audit event');
});

/** A commitment's fields, led by party A unless told otherwise. */
const commitmentFields = (
  reference: string,
  overrides: { leadPartyId?: string; supportingPartyIds?: string[] } = {},
) => ({
  reference,
  leadPartyId: partyA,
  supportingPartyIds: [],
  deliverable: 'A deliverable',
  dueDate: null,
  narrativeStatus: '',
  ...overrides,
});

test('a retired commitment is neither changed nor retired again (as its panel shows), and nothing is written', async () => {
  const created = await admin.caller.commitments.create({ compactId, ...commitmentFields('Section 9') });
  await admin.caller.commitments.retire({ compactId, commitmentId: created.id });
  const retiredAt = db.sqlite.prepare('SELECT retired_at FROM commitments WHERE id = ?').get(created.id);
  const events = countRows(db, 'audit_events');
  await assert.rejects(admin.caller.commitments.retire({ compactId, commitmentId: created.id }), { code: 'CONFLICT' });
  await assert.rejects(
    admin.caller.commitments.update({
      compactId,
      commitmentId: created.id,
      ...commitmentFields('Section 9 (changed)', { leadPartyId: partyB }),
    }),
    { code: 'CONFLICT' },
  );
  assert.deepEqual(db.sqlite.prepare('SELECT retired_at FROM commitments WHERE id = ?').get(created.id), retiredAt);
  assert.equal(
    (await admin.caller.commitments.list({ compactId })).find((c) => c.id === created.id)?.reference,
    'Section 9',
  );
  assert.equal(countRows(db, 'audit_events'), events, 'no audit event');
});

test('a commitment changed to name a party that does not exist is refused, and nothing is written', async () => {
  const created = await admin.caller.commitments.create({ compactId, ...commitmentFields('Section 10') });
  const events = countRows(db, 'audit_events');
  for (const parties of [{ leadPartyId: 'no-such-party' }, { supportingPartyIds: [partyB, 'no-such-party'] }])
    await assert.rejects(
      admin.caller.commitments.update({
        compactId,
        commitmentId: created.id,
        ...commitmentFields('Section 10', parties),
      }),
      { code: 'BAD_REQUEST', message: 'Choose parties from the list.' },
    );
  assert.equal(countRows(db, 'audit_events'), events, 'no audit event');
});

test('the progress grid offers to edit only what the policies allow: not the draft another party wrote', async () => {
  const indicator = buildIndicator(db, compactId, partyA);
  const period = periods[1]!.id;
  const draft = await monitorA.caller.progress.saveDraft({ compactId, ...progressInput(indicator.id, period) });
  const before = await monitorA.caller.progress.periodSheet({ compactId, periodId: period });
  assert.equal(before.rows.find((r) => r.indicator.id === indicator.id)?.latest?.can.edit, true);
  await handTo(indicator, partyB);
  const sheet = await monitorB.caller.progress.periodSheet({ compactId, periodId: period });
  const row = sheet.rows.find((r) => r.indicator.id === indicator.id);
  assert.equal(row?.latest?.id, draft.id);
  assert.equal(row?.latest?.can.edit, false);
  assert.equal(row?.latest?.can.submit, false);
});

test('a value split into more than MAX_DISAGGREGATION_CATEGORIES categories is refused, and nothing is written', async () => {
  const indicator = buildIndicator(db, compactId, partyA, { disaggregation: ['province'] });
  const categories = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`province ${i}`, 1]));
  const many = MAX_DISAGGREGATION_CATEGORIES + 1;
  const updates = countRows(db, 'progress_updates');
  const events = countRows(db, 'audit_events');
  await assert.rejects(
    monitorA.caller.progress.saveDraft({
      compactId,
      ...progressInput(indicator.id, periods[0]!.id, { value: many, disaggregated: { province: categories(many) } }),
    }),
    { code: 'BAD_REQUEST', message: /at most/ },
  );
  assert.equal(countRows(db, 'progress_updates'), updates);
  assert.equal(countRows(db, 'audit_events'), events);
  const limit = MAX_DISAGGREGATION_CATEGORIES;
  await monitorA.caller.progress.saveDraft({
    compactId,
    ...progressInput(indicator.id, periods[0]!.id, { value: limit, disaggregated: { province: categories(limit) } }),
  });
});
