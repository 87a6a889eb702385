import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { english } from '../helpers/i18n';
import * as Y from 'yjs';
import { parseCsv } from '@/server/services/csv';
import { appendDocUpdate, loadDoc } from '@/server/services/document-store';
import { buildServerUpdate } from '@/server/services/server-edits';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { newProvisionId } from '@/shared/negotiation/vocabulary';
import { buildCompact, buildParty, memberWithRole } from '../helpers/factories';
import { definition, refusedImport } from '../helpers/framework-fixtures';
import { provisionElement } from '../helpers/negotiation-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

/** The exported file as objects by column name. */
function exportedRows(csv: string) {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, '')).rows;
  return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}

/** A compact whose stored text is a copy of another's (the same provisions, under the same ids). */
function compactWithTextOf(compactId: string) {
  const { id } = buildCompact(db);
  const { doc } = loadDoc(db.db, compactId);
  try {
    appendDocUpdate(db.db, id, Y.encodeStateAsUpdate(doc), { userId: null, partyId: null });
  } finally {
    doc.destroy();
  }
  return id;
}

/** Adds a second operative provision at the end of the stored text; returns its id. */
function appendProvision(compactId: string, text: string) {
  const id = newProvisionId();
  const update = buildServerUpdate(db.db, compactId, (doc) => {
    const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
    fragment.insert(fragment.length, [provisionElement(id, text)]);
  });
  appendDocUpdate(db.db, compactId, update, { userId: null, partyId: null });
  return id;
}

async function linkedFramework() {
  const { id: compactId } = buildCompact(db, { text: 'The Mission shall protect civilians.' });
  const party = buildParty(db, { shortCode: `P${newProvisionId().slice(0, 6)}` });
  const admin = await memberWithRole(db, compactId, 'admin', party.id);
  const second = appendProvision(compactId, 'The Government shall hold local dialogues.');
  const [first] = await admin.caller.provisions.list({ compactId });
  const commitment = await admin.caller.commitments.create({
    compactId,
    reference: '2.1',
    leadPartyId: party.id,
    supportingPartyIds: [],
    deliverable: 'Early-warning network',
    dueDate: null,
    narrativeStatus: '',
    provisionId: first!.id,
  });
  await admin.caller.indicators.create({
    compactId,
    ...definition(party.id, { code: 'POC-1', commitmentId: commitment.id, provisionId: second }),
  });
  await admin.caller.indicators.create({ compactId, ...definition(party.id, { code: 'POL-1', provisionId: null }) });
  return { compactId, admin, party, first: first!.id, second };
}

test('the framework export has provision (the id), provision_label (its citation, export only) and commitment_provision columns', async () => {
  const { compactId, admin, first, second } = await linkedFramework();
  const rows = exportedRows(await admin.caller.framework.exportFrameworkCsv({ compactId, separator: ',' }));
  assert.deepEqual(
    rows.map((row) => [row.code, row.provision, row.provision_label, row.commitment_provision]),
    [
      ['POC-1', second, 'OP 2', first],
      ['POL-1', '', '', ''],
    ],
  );
});

test('export → import into a compact with the same text keeps the links of indicators and of the commitments the file creates', async () => {
  const { compactId, admin, party, first, second } = await linkedFramework();
  const exported = await admin.caller.framework.exportFrameworkCsv({ compactId, separator: ';' });
  const copy = compactWithTextOf(compactId);
  const otherAdmin = await memberWithRole(db, copy, 'admin', party.id);
  assert.deepEqual(await otherAdmin.caller.framework.importFrameworkCsv({ compactId: copy, csv: exported }), {
    imported: 2,
  });
  const indicators = await otherAdmin.caller.indicators.list({ compactId: copy });
  assert.deepEqual(
    indicators.map((i) => [i.code, i.provisionId]),
    [
      ['POC-1', second],
      ['POL-1', null],
    ],
  );
  const [commitment] = await otherAdmin.caller.commitments.list({ compactId: copy });
  assert.equal(commitment!.provision?.id, first);
  assert.equal(await otherAdmin.caller.framework.exportFrameworkCsv({ compactId: copy, separator: ';' }), exported);
});

test('an unknown or malformed provision id is a row error naming its column, and nothing is imported', async () => {
  const { compactId, admin, party } = await linkedFramework();
  const exported = await admin.caller.framework.exportFrameworkCsv({ compactId, separator: ',' });
  const [header, poc, pol] = exported.replace(/^\uFEFF/, '').split('\r\n');
  const columns = header!.split(',');
  const withCells = (line: string, values: Record<string, string>) => {
    const cells = line.split(',');
    for (const [column, value] of Object.entries(values)) cells[columns.indexOf(column)] = value;
    return cells.join(',');
  };
  // Into the same compact under new codes; the file's commitment 2.1 exists, so only a new one takes commitment_provision.
  const rows = [
    withCells(poc!, { code: 'NEW-1', provision: 'zzzzzzzzzzzz' }),
    withCells(pol!, {
      code: 'NEW-2',
      commitment_reference: '9.9',
      commitment_lead_party: party.shortCode,
      commitment_provision: 'yyyyyyyyyyyy',
    }),
    withCells(pol!, { code: 'NEW-3', provision: 'Not-An-Id' }),
  ];
  const before = { indicators: countRows(db, 'indicators'), commitments: countRows(db, 'commitments') };
  const result = await refusedImport(
    admin.caller.framework.importFrameworkCsv({ compactId, csv: [header, ...rows].join('\r\n') }),
  );
  assert.deepEqual(
    result.errors.map((e) => [e.row, e.column]),
    [
      [4, 'provision'],
      [2, 'provision'],
      [3, 'commitment_provision'],
    ],
  );
  assert.match(english(result.errors[1]!.problem), /No provision with this id in the compact text/);
  assert.deepEqual({ indicators: countRows(db, 'indicators'), commitments: countRows(db, 'commitments') }, before);
});

test('a link to a provision deleted from the text is exported with “(deleted from the text)” as its label', async () => {
  const { compactId, admin, second } = await linkedFramework();
  const update = buildServerUpdate(db.db, compactId, (doc) => {
    const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
    fragment.delete(fragment.length - 1, 1);
  });
  appendDocUpdate(db.db, compactId, update, { userId: null, partyId: null });
  const [poc] = exportedRows(await admin.caller.framework.exportFrameworkCsv({ compactId, separator: ',' }));
  assert.deepEqual([poc!.provision, poc!.provision_label], [second, '(deleted from the text)']);
});
