import 'server-only';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What others see of a connected person: set by the server from the session, never by the client. */
export interface PresenceUser {
  userId: string;
  name: string;
  partyName: string;
  partyShortCode: string;
  emailDomain: string;
  color: string;
}

/**
 * Rewrites a client's awareness update: drops entries for client ids held by someone else
 * and replaces every state's `user` with the session's identity. Returns the rewritten update,
 * the client ids it speaks for, and the ids the client announced (non-null states, before dropping).
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  identity: PresenceUser,
  mayUseClientId: (clientId: number) => boolean,
): { update: Uint8Array; clientIds: number[]; announcedIds: number[] } {
  const decoder = decoding.createDecoder(update);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  const announcedIds: number[] = [];
  const count = decoding.readVarUint(decoder);
  if (count > 64) throw new Error('too many awareness entries');
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed)))
      throw new Error('awareness state must be an object or null');
    if (parsed !== null) announcedIds.push(clientId);
    if (!mayUseClientId(clientId)) continue;
    // Spreading copies own keys as data properties (a "__proto__" key included): no prototype is touched.
    const state = parsed === null ? null : { ...(parsed as Record<string, unknown>), user: identity };
    entries.push({ clientId, clock, state: JSON.stringify(state) });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return { update: encoding.toUint8Array(encoder), clientIds: entries.map((e) => e.clientId), announcedIds };
}
