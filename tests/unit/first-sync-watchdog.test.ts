import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { firstSyncWatchdog } from '@/app/_lib/first-sync-watchdog';

test('an open socket that gets no first sync in time is given up (so the provider reconnects and asks again)', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let timeouts = 0;
    const watchdog = firstSyncWatchdog(() => timeouts++, 10_000);
    watchdog.opened();
    mock.timers.tick(9_999);
    assert.equal(timeouts, 0);
    mock.timers.tick(1);
    assert.equal(timeouts, 1);
    // The next socket gets its own clock.
    watchdog.opened();
    mock.timers.tick(10_000);
    assert.equal(timeouts, 2);
  } finally {
    mock.timers.reset();
  }
});

test('a first sync, a closed socket or the page leaving stops the clock', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let timeouts = 0;
    const watchdog = firstSyncWatchdog(() => timeouts++, 10_000);
    watchdog.opened();
    mock.timers.tick(5_000);
    watchdog.settled();
    mock.timers.tick(60_000);
    watchdog.opened();
    watchdog.stop();
    mock.timers.tick(60_000);
    assert.equal(timeouts, 0);
  } finally {
    mock.timers.reset();
  }
});
