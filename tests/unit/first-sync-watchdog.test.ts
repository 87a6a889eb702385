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
  // The next socket gets its own clock.
  watchdog.opened();
  t.mock.timers.tick(10_000);
  assert.equal(timeouts, 2);
});

test('a first sync, a closed socket or the page leaving stops the clock', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let timeouts = 0;
  const watchdog = firstSyncWatchdog(() => timeouts++, 10_000);
  watchdog.opened();
  t.mock.timers.tick(5_000);
  watchdog.settled();
  t.mock.timers.tick(60_000);
  watchdog.opened();
  watchdog.stop();
  t.mock.timers.tick(60_000);
  assert.equal(timeouts, 0);
});
