import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { stampAwarenessUpdate, type PresenceUser } from '@/server/collab/awareness-identity';

const identity: PresenceUser = {
  userId: 'u1',
  name: 'Jonas Mbeki',
  partyName: 'Government of the Republic of Aldoria',
  partyShortCode: 'ALD',
  emailDomain: 'aldoria.example',
  color: '#1d4ed8',
};

function clientUpdate(state: Record<string, unknown> | null) {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(state);
  const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
  awareness.destroy();
  return { update, clientId: awareness.clientID };
}

test('replaces whatever user a client claims with the session identity, keeping the rest', () => {
  const { update, clientId } = clientUpdate({ user: { name: 'Someone else', userId: 'u2' }, cursor: { anchor: 1 } });
  const stamped = stampAwarenessUpdate(update, identity, () => true);
  assert.deepEqual(stamped.clientIds, [clientId]);
  const server = new Awareness(new Y.Doc());
  applyAwarenessUpdate(server, stamped.update, null);
  assert.deepEqual(server.getStates().get(clientId), { user: identity, cursor: { anchor: 1 } });
  server.destroy();
});

test('drops entries for client ids another connection owns, and rejects malformed updates', () => {
  const { update } = clientUpdate({ cursor: null });
  assert.deepEqual(stampAwarenessUpdate(update, identity, () => false).clientIds, []);
  assert.throws(() => stampAwarenessUpdate(new Uint8Array([1, 5, 1, 3, 110, 111, 116]), identity, () => true));
  assert.throws(
    () => stampAwarenessUpdate(new Uint8Array([1, 5, 1, 2, 91, 93]), identity, () => true),
    /object or null/,
  );
});
