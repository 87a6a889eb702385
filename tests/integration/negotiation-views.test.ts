import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { indicators } from '@/db/schema/framework';
import { newProvisionId } from '@/shared/negotiation/vocabulary';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { buildIndicator, configureQuarters, progressInput } from '../helpers/framework-fixtures';
import { createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

let compactId: string;
let aldoria: { id: string; shortCode: string };
let mission: { id: string; shortCode: string };
let absent: { id: string; shortCode: string };
let admin: Member, negotiator: Member, monitor: Member, validator: Member, reviewer: Member;

before(async () => {
  compactId = buildCompact(db, { text: 'The parties shall meet.' }).id;
  aldoria = buildParty(db, { name: 'Legend Aldoria', shortCode: 'LALD' });
  mission = buildParty(db, { name: 'Legend Mission', shortCode: 'LUNSMA' });
  absent = buildParty(db, { name: 'Legend Absent', shortCode: 'LABS' });
  admin = await memberWithRole(db, compactId, 'admin', mission.id);
  negotiator = await memberWithRole(db, compactId, 'negotiator', aldoria.id);
  monitor = await memberWithRole(db, compactId, 'monitor', mission.id);
  validator = await memberWithRole(db, compactId, 'validator', mission.id);
  reviewer = await memberWithRole(db, compactId, 'reviewer', mission.id);
});

describe('the party legend of the negotiation view', () => {
  test('lists every party with its short code and the colour its members have in the editor', async () => {
    const legend = await reviewer.caller.provisions.partyLegend({ compactId });
    const byId = new Map(legend.map((party) => [party.id, party]));
    assert.equal(byId.get(aldoria.id)?.shortCode, 'LALD');
    assert.equal(byId.get(aldoria.id)?.name, 'Legend Aldoria');
    const aldoriaPresence = await negotiator.caller.compacts.myPresence({ compactId });
    const missionPresence = await admin.caller.compacts.myPresence({ compactId });
    assert.equal(byId.get(aldoria.id)?.colour, aldoriaPresence.color);
    assert.equal(byId.get(mission.id)?.colour, missionPresence.color);
    assert.notEqual(aldoriaPresence.color, missionPresence.color);
    for (const party of legend) assert.match(party.colour, /^#[0-9a-f]{6}$/);
  });

  test('tells the parties represented in the compact from those named only on older text', async () => {
    const legend = await reviewer.caller.provisions.partyLegend({ compactId });
    const hasMember = new Map(legend.map((party) => [party.id, party.hasMember]));
    assert.equal(hasMember.get(aldoria.id), true);
    assert.equal(hasMember.get(mission.id), true);
    assert.equal(hasMember.get(absent.id), false);
  });
});

describe('indicators linked to provisions', () => {
  const linkTo = (indicatorId: string, provisionId: string | null) =>
    db.db.update(indicators).set({ provisionId }).where(eq(indicators.id, indicatorId)).run();

  test('are listed under their provision with the status the framework board shows; retired and unlinked ones are not', async () => {
    const periods = configureQuarters(db, compactId, '2025-01-01', 8);
    const provisionA = newProvisionId();
    const provisionB = newProvisionId();
    const measured = buildIndicator(db, compactId, mission.id, { code: 'LINK-2', baselineValue: 0 });
    const unmeasured = buildIndicator(db, compactId, mission.id, { code: 'LINK-1' });
    const elsewhere = buildIndicator(db, compactId, mission.id, { code: 'LINK-3' });
    const retired = buildIndicator(db, compactId, mission.id, { code: 'LINK-4' });
    buildIndicator(db, compactId, mission.id, { code: 'LINK-5' }); // not linked to any provision
    linkTo(measured.id, provisionA);
    linkTo(unmeasured.id, provisionA);
    linkTo(elsewhere.id, provisionB);
    linkTo(retired.id, provisionA);
    await admin.caller.indicators.retire({ compactId, indicatorId: retired.id });
    for (const period of periods)
      await admin.caller.indicators.setTarget({
        compactId,
        indicatorId: measured.id,
        target: { periodId: period.id, value: 100 },
      });
    // The latest ended quarter: an older value would read overdue (the one headline rule).
    const today = new Date().toISOString().slice(0, 10);
    const latestEnded = [...periods].reverse().find((period) => period.endsOn < today)!;
    const draft = await monitor.caller.progress.saveDraft({
      compactId,
      ...progressInput(measured.id, latestEnded.id, { value: 95 }),
    });
    await monitor.caller.progress.submit({ compactId, updateId: draft.id });
    await validator.caller.progress.validate({ compactId, updateId: draft.id, rating: null });

    const linked = await reviewer.caller.provisions.indicators({ compactId });
    const board = await reviewer.caller.framework.view({ compactId });
    const boardStatus = new Map(board.indicators.map((i) => [i.id, i.headline?.status ?? 'no-data']));
    const under = new Map(linked.map((entry) => [entry.provisionId, entry.indicators]));
    assert.deepEqual([...under.keys()].sort(), [provisionA, provisionB].sort());
    assert.deepEqual(
      under.get(provisionA)!.map((i) => i.code),
      ['LINK-1', 'LINK-2'],
    );
    assert.deepEqual(
      under.get(provisionB)!.map((i) => i.code),
      ['LINK-3'],
    );
    for (const indicator of [...under.values()].flat()) assert.equal(indicator.status, boardStatus.get(indicator.id));
    assert.notEqual(under.get(provisionA)!.find((i) => i.code === 'LINK-2')!.status, 'no-data');
  });
});
