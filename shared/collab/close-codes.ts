/**
 * WebSocket close codes. 4400–4499 mirror HTTP 4xx and tell y-websocket clients not to
 * reconnect; other codes (4000–4099, 4500–4599, 1xxx) let them reconnect.
 */
export const CLOSE = {
  goingAway: { code: 1001, reason: 'Server shutting down' },
  serverError: { code: 1011, reason: 'Could not store the update; reconnect later' },
  accessChanged: { code: 4000, reason: 'Access changed; reconnect' },
  /** The update refers to content the server does not have: reconnecting resyncs it. */
  unknownDependency: { code: 4001, reason: 'Update refers to unknown content; reconnect to resync' },
  /** The server reloaded the document from disk (after refusing someone's update): reconnecting resyncs. */
  documentReloaded: { code: 4002, reason: 'Document reloaded; reconnect' },
  /** The compact was archived (or restored): reconnecting gives the access it now allows; the page reloads its permissions. */
  archiveChanged: { code: 4003, reason: 'Compact archived or restored; reconnect' },
  malformed: { code: 4400, reason: 'Malformed message' },
  unauthenticated: { code: 4401, reason: 'Not signed in' },
  forbidden: { code: 4403, reason: 'Not a member of this compact' },
  /** The Yjs client id is bound to someone else: the editor starts a fresh document and reconnects. */
  clientIdTaken: { code: 4409, reason: 'This editing session id belongs to someone else; start a new session' },
  tooLarge: { code: 4413, reason: 'Message too large' },
  /** The browser runs an editor of another schema version (an old bundle): it must reload the page. */
  outdatedEditor: { code: 4426, reason: 'This page is out of date; reload it' },
  outsideSchema: { code: 4422, reason: 'Update refused: content outside the compact schema' },
  /**
   * The update would write in another party's name (a bracket or an option), change another party's
   * proposal, or change an agreement state (the chair's, through the server). The editor stops
   * reconnecting — it would send the same change again — and offers its unsynced text for copying.
   */
  proposalRefused: {
    code: 4424,
    reason: 'Update refused: only a party edits its own brackets and options, and only the chair sets agreement',
  },
  tooManyRequests: { code: 4429, reason: 'Too many connections or requests' },
  /** The socket does not read what it is sent fast enough: it reconnects and starts over. */
  tooSlow: { code: 4503, reason: 'Connection too slow; reconnect' },
} as const;

export type CloseReason = (typeof CLOSE)[keyof typeof CLOSE];
