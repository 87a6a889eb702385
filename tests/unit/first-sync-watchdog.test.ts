import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstSyncWatchdog } from '@/app/_lib/first-sync-watchdog';

// Each test's own mock timers (`t.mock`) are reset when it ends.

test('an open socket that gets no first sync in time is given up (so the provider reconnects and asks again)', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let timeouts = 0;
  const watchdog = firstSyncWatchdog(() => timeouts++, 10_000);
  watchdog.opened();
  t.mock.timers.tick(9_999);
  assert.equal(timeouts, 0);
  t.mock.timers.tick(1);
  assert.equal(timeouts, 1);
});

test('each socket given up waits twice as long on the next, up to the limit, so a slow first sync still gets through', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let timeouts = 0;
  const watchdog = firstSyncWatchdog(() => timeouts++, 10_000, 40_000);
  for (const [given, wait] of [10_000, 20_000, 40_000, 40_000].entries()) {
    watchdog.opened();
    t.mock.timers.tick(wait - 1);
    assert.equal(timeouts, given, `socket ${given + 1} is still waiting after ${wait - 1} ms`);
    t.mock.timers.tick(1);
    assert.equal(timeouts, given + 1, `socket ${given + 1} is given up after ${wait} ms`);
    watchdog.stopped(); // the provider closes the socket
  }
  // A sync brings the next socket back to the first timeout.
  watchdog.opened();
  watchdog.synced();
  watchdog.opened();
  t.mock.timers.tick(10_000);
  assert.equal(timeouts, 5);
});

test('a first sync, a closed socket or the page leaving stops the clock', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let timeouts = 0;
  const watchdog = firstSyncWatchdog(() => timeouts++, 10_000);
  watchdog.opened();
  t.mock.timers.tick(5_000);
  watchdog.synced();
  t.mock.timers.tick(60_000);
  watchdog.opened();
  watchdog.stopped();
  t.mock.timers.tick(60_000);
  assert.equal(timeouts, 0);
});
