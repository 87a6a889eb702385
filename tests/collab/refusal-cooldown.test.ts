import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { CLOSE } from '@/shared/collab/close-codes';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { waitFor, waitForSync } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { addMember, buildCompact, memberWithRole } from '../helpers/factories';

const env = collabTestEnvironment({ refusalCooldownMs: 60_000 });
const { db } = env;

test('after a refused update its sender cannot reconnect to that compact for a while (no reload loop); others stay connected and other compacts are open to them', async () => {
  const { id: compactId } = buildCompact(db, { text: 'The parties shall meet.' });
  const { id: elsewhere } = buildCompact(db, { text: 'Another compact.' });
  const hostile = await memberWithRole(db, compactId, 'negotiator');
  const colleague = await memberWithRole(db, compactId, 'negotiator');
  addMember(db, elsewhere, hostile.id, 'negotiator', hostile.partyId);

  const sender = env.connect(compactId, hostile.cookie);
  const other = env.connect(compactId, colleague.cookie);
  await Promise.all([waitForSync(sender), waitForSync(other)]);
  const provision = sender.doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
  provision.setAttribute('state', 'agreed');
  await waitFor(() => sender.closeCodes.includes(CLOSE.proposalRefused.code), 'refused');

  const again = env.connect(compactId, hostile.cookie);
  await waitFor(() => again.closeCodes.includes(CLOSE.tooManyRequests.code), 'the sender is turned away');
  again.destroy();
  await waitFor(() => other.provider.synced && other.provider.wsconnected, 'the colleague is back in sync');
  const there = env.connect(elsewhere, hostile.cookie);
  await waitForSync(there);
  assert.deepEqual(there.closeCodes, [], 'another compact is not affected');
});
