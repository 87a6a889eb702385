/**
 * A connection that is open but never answers the first sync leaves the editor on "Loading…"
 * for good: y-websocket asks once, on open, and waits. Whatever lost the question or the answer,
 * this watchdog closes such a socket after `timeoutMs`, so the provider reconnects and asks again.
 * (Seen under load in the browser tests; see README "Collaboration".)
 */
export interface FirstSyncWatchdog {
  /** The socket opened: the clock starts. */
  opened(): void;
  /** The first sync arrived, or the socket closed: the clock stops. */
  settled(): void;
  stop(): void;
}

export function firstSyncWatchdog(onTimeout: () => void, timeoutMs: number): FirstSyncWatchdog {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const settled = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    opened() {
      settled();
      timer = setTimeout(() => {
        timer = null;
        onTimeout();
      }, timeoutMs);
    },
    settled,
    stop: settled,
  };
}
