// A thread's anchor travels as two Yjs relative positions (start and end of the quoted text), each
// encoded with `Y.encodeRelativePosition` and then base64 — the same in the browser and on the server.
import * as Y from 'yjs';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The bytes of a base64 string, or null when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (!BASE64.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** One end of an anchor as it is sent and stored. */
export const encodeAnchorEnd = (position: Y.RelativePosition): string =>
  bytesToBase64(Y.encodeRelativePosition(position));

/** One end of an anchor read back, or null when it is not base64 or not a relative position. */
export function decodeAnchorEnd(encoded: string): Y.RelativePosition | null {
  const bytes = base64ToBytes(encoded);
  if (!bytes) return null;
  try {
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}
