import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { DbHandle } from '@/db/client';
import { resolveActor } from '../auth/actor';
import { isSameOriginRequest } from '../auth/request-origin';
import { findMembership } from '../services/compacts';
import { compactMember } from '@/server/policies/compact-member';
import { may } from '@/server/policies/role-actions';
import { EDITOR_SCHEMA_VERSION } from '@/shared/editor/extensions';
import { CLOSE, type CloseReason } from '@/shared/collab/close-codes';
import type { CompactRole } from '@/shared/roles';
import type { ConnectionAccess } from './connection';
import { presenceIdentity } from './presence-identity';

export const COLLAB_PATH_PREFIX = '/collab/';

/** The compact id of a `/collab/<compactId>` path; null for any other path or a malformed one. */
export function compactIdFromPath(url: string | undefined): string | null {
  try {
    const pathname = new URL(url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith(COLLAB_PATH_PREFIX)) return null;
    const id = decodeURIComponent(pathname.slice(COLLAB_PATH_PREFIX.length));
    return id.length > 0 && id.length <= 64 && !id.includes('/') ? id : null;
  } catch {
    return null;
  }
}

/**
 * The app's editor says which schema version it was built with (`?schema=N`: the y-websocket
 * protocol itself is untouched); a connection that does not say (a stock client) is accepted.
 */
export function editorSchemaMatches(url: string | undefined): boolean {
  try {
    const version = new URL(url ?? '/', 'http://localhost').searchParams.get('schema');
    return version === null || version === String(EDITOR_SCHEMA_VERSION);
  } catch {
    return false;
  }
}

export function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** Whether a member's socket only reads: their role may not edit the text, or the compact is archived. */
export function connectionReadOnly(membership: { role: CompactRole; compactArchived: boolean }): boolean {
  return !may(membership, 'editText');
}

/**
 * Decides, before the WebSocket upgrade and before any document is loaded, who is connecting
 * and with which access — or which close code refuses them.
 */
export async function authorizeUpgrade(
  handle: DbHandle,
  request: IncomingMessage,
  compactId: string,
): Promise<{ ok: true; access: ConnectionAccess } | { ok: false; refusal: CloseReason }> {
  if (!editorSchemaMatches(request.url)) return { ok: false, refusal: CLOSE.outdatedEditor };
  const headers = headersOf(request);
  if (!isSameOriginRequest(headers)) return { ok: false, refusal: CLOSE.forbidden };
  const actor = await resolveActor(handle, headers);
  if (!actor) return { ok: false, refusal: CLOSE.unauthenticated };
  const membership = findMembership(handle.db, compactId, actor.userId);
  if (!membership) return { ok: false, refusal: CLOSE.forbidden };
  const member = compactMember(actor, membership);
  return {
    ok: true,
    access: {
      actor,
      member,
      readOnly: connectionReadOnly(membership),
      // Presence shows the party the person represents in this compact.
      presence: presenceIdentity(handle.db, actor, membership),
    },
  };
}
