import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CHAIN_GENESIS,
  canonicalEvent,
  chainHash,
  verifyChain,
  type ChainedEvent,
  type StoredChainRow,
} from '@/server/services/audit-chain';

const event = (n: number, after: unknown = { n }): ChainedEvent => ({
  compactId: 'c1',
  actorUserId: 'u1',
  actorPartyId: 'p1',
  action: 'indicator.updated',
  entityType: 'indicator',
  entityId: `i${n}`,
  before: null,
  after,
  createdAt: 1_790_000_000_000 + n,
});

function chainOf(count: number): StoredChainRow[] {
  const rows: StoredChainRow[] = [];
  let prevHash = CHAIN_GENESIS;
  for (let n = 1; n <= count; n++) {
    const hash = chainHash(prevHash, event(n));
    rows.push({ ...event(n), id: n, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

test('an event’s canonical form and hash do not depend on key order, and change with any field', () => {
  const a = event(1, { title: 'Élections', targets: [1, 2.5], nested: { b: 1, a: 2 } });
  const b = { ...a, after: { nested: { a: 2, b: 1 }, targets: [1, 2.5], title: 'Élections' } };
  assert.equal(canonicalEvent(a), canonicalEvent(b));
  assert.equal(chainHash('x', a), chainHash('x', b));
  assert.notEqual(chainHash('x', a), chainHash('y', a), 'the previous hash is covered');
  assert.notEqual(chainHash('x', a), chainHash('x', { ...a, actorPartyId: 'p2' }));
  assert.notEqual(chainHash('x', a), chainHash('x', { ...a, createdAt: a.createdAt + 1 }));
  assert.match(chainHash('x', a), /^[0-9a-f]{64}$/);
});

test('a sound chain verifies and names its head', () => {
  const rows = chainOf(5);
  assert.deepEqual(verifyChain(rows), { ok: true, events: 5, head: rows[4]!.hash });
  assert.deepEqual(verifyChain([]), { ok: true, events: 0, head: CHAIN_GENESIS });
});

test('an edited byte, a deleted row and a reordered row each break the chain at the first event concerned', () => {
  const edited = chainOf(5);
  edited[2] = { ...edited[2]!, after: { n: 30 } };
  assert.deepEqual(verifyChain(edited), {
    ok: false,
    events: 2,
    brokenAt: 3,
    reason: 'its content does not match its hash',
  });

  const deleted = chainOf(5).filter((row) => row.id !== 2);
  assert.equal((verifyChain(deleted) as { brokenAt: number }).brokenAt, 3);

  const reordered = chainOf(5);
  [reordered[1], reordered[2]] = [reordered[2]!, reordered[1]!];
  assert.equal((verifyChain(reordered) as { brokenAt: number }).brokenAt, 3);

  const forged = chainOf(5);
  forged[4] = { ...forged[4]!, hash: chainHash(forged[4]!.prevHash!, { ...forged[4]!, action: 'x' }) };
  assert.equal((verifyChain(forged) as { brokenAt: number }).brokenAt, 5, 'a rehashed row does not match its content');
});

test('content no event could hold (an edited file with a lone surrogate) breaks the chain there, not the verifier', () => {
  const rows = chainOf(3);
  rows[1] = { ...rows[1]!, after: { n: '\ud800' } };
  assert.deepEqual(verifyChain(rows), {
    ok: false,
    events: 1,
    brokenAt: 2,
    reason: 'its content does not match its hash',
  });
});
