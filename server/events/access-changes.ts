import 'server-only';
import { EventEmitter } from 'node:events';

/**
 * Changes to who may do what, published by the domain services after their transaction
 * commits and consumed by the collaboration server to close or downgrade open sockets.
 * In-process today (the Next.js handlers and the custom server share it through globalThis);
 * a scaled-out deployment relays the same messages over Redis pub/sub.
 */
export type AccessChange =
  | { type: 'session-ended'; sessionToken: string }
  | { type: 'user-sessions-revoked'; userId: string }
  | { type: 'membership-removed'; userId: string; compactId: string }
  | { type: 'membership-changed'; userId: string; compactId: string }
  /** The display name changed: presence shows it, so open sockets reconnect. */
  | { type: 'user-renamed'; userId: string }
  /** The compact was archived or restored: its open sockets reconnect, read only or editable again. */
  | { type: 'compact-archive-changed'; compactId: string };

const bus = ((globalThis as { __compactAccessChanges?: EventEmitter }).__compactAccessChanges ??=
  new EventEmitter().setMaxListeners(0));

export function publishAccessChange(change: AccessChange): void {
  bus.emit('change', change);
}

export function onAccessChange(listener: (change: AccessChange) => void): () => void {
  bus.on('change', listener);
  return () => bus.off('change', listener);
}
