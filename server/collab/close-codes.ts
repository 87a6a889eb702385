/**
 * WebSocket close codes. 4400–4499 mirror HTTP 4xx and tell y-websocket clients not to
 * reconnect; 4000 asks them to reconnect (their access changed and is re-evaluated).
 */
export const CLOSE = {
  goingAway: { code: 1001, reason: 'Server shutting down' },
  serverError: { code: 1011, reason: 'Could not store the update; reconnect later' },
  accessChanged: { code: 4000, reason: 'Access changed; reconnect' },
  malformed: { code: 4400, reason: 'Malformed message' },
  unauthenticated: { code: 4401, reason: 'Not signed in' },
  forbidden: { code: 4403, reason: 'Not a member of this compact' },
} as const;

export type CloseReason = (typeof CLOSE)[keyof typeof CLOSE];
