import assert from 'node:assert/strict';
import { test } from 'node:test';
import { typeInto, waitFor, waitForSync } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { addMember, buildCompact, buildParty, buildUser, memberWithRole, signIn } from '../helpers/factories';

const env = collabTestEnvironment();
const { db, connect } = env;

interface SeenPresence {
  user?: { userId: string; partyName: string; partyShortCode: string };
}

test('a person representing different parties in two compacts has each compact’s party on their stored updates, client ids and presence', async () => {
  const [compactA, compactB] = [buildCompact(db, { text: 'A.' }).id, buildCompact(db, { text: 'B.' }).id];
  const partyA = buildParty(db, { name: 'Party of A', shortCode: 'PA' });
  const partyB = buildParty(db, { name: 'Party of B', shortCode: 'PB' });
  const person = await buildUser(db);
  addMember(db, compactA, person.id, 'negotiator', partyA.id);
  addMember(db, compactB, person.id, 'negotiator', partyB.id);
  const cookie = await signIn(db, person.email);

  for (const [compactId, party] of [
    [compactA, partyA],
    [compactB, partyB],
  ] as const) {
    const observer = connect(compactId, (await memberWithRole(db, compactId, 'reviewer')).cookie);
    const client = connect(compactId, cookie);
    await Promise.all([waitForSync(observer), waitForSync(client)]);
    typeInto(client.doc, 0, 'Edited: ');
    client.provider.awareness.setLocalStateField('user', { name: 'whatever the tab says' });
    const seen = () => observer.provider.awareness.getStates().get(client.doc.clientID) as SeenPresence | undefined;
    await waitFor(() => seen()?.user !== undefined, 'presence arrives');
    assert.equal(seen()!.user!.userId, person.id);
    assert.equal(seen()!.user!.partyName, party.name);
    assert.equal(seen()!.user!.partyShortCode, party.shortCode);

    const stamps = () =>
      db.sqlite
        .prepare('SELECT DISTINCT party_id AS partyId FROM doc_updates WHERE compact_id = ? AND user_id = ?')
        .all(compactId, person.id) as { partyId: string }[];
    await waitFor(() => stamps().length > 0, 'the update is stored');
    assert.deepEqual(stamps(), [{ partyId: party.id }]);
    assert.deepEqual(
      db.sqlite
        .prepare('SELECT DISTINCT party_id AS partyId FROM doc_clients WHERE compact_id = ? AND user_id = ?')
        .all(compactId, person.id),
      [{ partyId: party.id }],
    );
  }
});
