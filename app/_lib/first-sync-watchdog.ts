/**
 * A connection that is open but never answers the first sync leaves the editor on "Loading…"
 * for good: y-websocket asks once, on open, and waits. Whatever lost the question or the answer,
 * this watchdog closes such a socket after a while, so the provider reconnects and asks again.
 * Each time it gives up without a sync it waits twice as long on the next socket (up to
 * `maxTimeoutMs`): a large document on a slow link, whose first sync simply takes long, still
 * gets through instead of being cut off at the same point again and again.
 * (Seen under load in the browser tests; see README "Using it".)
 */
export interface FirstSyncWatchdog {
  /** The socket opened: the clock starts. */
  opened(): void;
  /** The first sync arrived: the clock stops, and the next socket starts from the first timeout again. */
  synced(): void;
  /** The socket closed (or is connecting): the clock stops. */
  stopped(): void;
}

export function firstSyncWatchdog(onTimeout: () => void, timeoutMs: number, maxTimeoutMs = 16 * timeoutMs) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let wait = timeoutMs;
  const stopped = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const watchdog: FirstSyncWatchdog = {
    opened() {
      stopped();
      timer = setTimeout(() => {
        timer = null;
        wait = Math.min(wait * 2, maxTimeoutMs);
        onTimeout();
      }, wait);
    },
    synced() {
      stopped();
      wait = timeoutMs;
    },
    stopped,
  };
  return watchdog;
}
