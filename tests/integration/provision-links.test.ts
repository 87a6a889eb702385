import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { definition } from '../helpers/framework-fixtures';
import { createTestDb, countRows } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

test('an indicator links to a provision by its id; the provisions list cites it as the editor does', async () => {
  const { id: compactId } = buildCompact(db, { text: 'The Mission shall protect civilians.' });
  const admin = await memberWithRole(db, compactId, 'admin');
  const [provision] = await admin.caller.provisions.list({ compactId });
  assert.equal(provision!.label, 'OP 1');
  assert.equal(provision!.firstWords, 'The Mission shall protect civilians.');
  const { id } = await admin.caller.indicators.create({
    compactId,
    ...definition(admin.partyId, { provisionId: provision!.id }),
  });
  const detail = await admin.caller.indicators.detail({ compactId, indicatorId: id });
  assert.equal(detail.indicator.provisionId, provision!.id);
  // An update that does not mention the provision (an API client, a CSV-shaped definition) keeps the link.
  const { provisionId: _left, ...withoutProvision } = definition(admin.partyId, { code: detail.indicator.code });
  await admin.caller.indicators.update({ compactId, indicatorId: id, ...withoutProvision, title: 'Renamed' });
  const after = await admin.caller.indicators.detail({ compactId, indicatorId: id });
  assert.equal(after.indicator.provisionId, provision!.id);
  assert.equal(after.indicator.title, 'Renamed');
  // Set to null on purpose, it is unlinked.
  await admin.caller.indicators.update({ compactId, indicatorId: id, ...withoutProvision, provisionId: null });
  assert.equal((await admin.caller.indicators.detail({ compactId, indicatorId: id })).indicator.provisionId, null);
});

test('an unknown provision id is refused with a clear error and nothing is written', async () => {
  const { id: compactId } = buildCompact(db, { text: 'Text.' });
  const admin = await memberWithRole(db, compactId, 'admin');
  const before = countRows(db, 'indicators');
  await assert.rejects(
    admin.caller.indicators.create({ compactId, ...definition(admin.partyId, { provisionId: 'aaaaaaaaaaaa' }) }),
    /No provision with this id in the compact text/,
  );
  await assert.rejects(
    admin.caller.indicators.create({ compactId, ...definition(admin.partyId, { provisionId: 'not an id' }) }),
    /Not a provision id/,
  );
  assert.equal(countRows(db, 'indicators'), before);
});
