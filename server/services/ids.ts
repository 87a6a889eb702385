import 'server-only';
import crypto from 'node:crypto';

/** Stable, URL-safe identifiers for rows we create. */
export function newId(): string {
  return crypto.randomUUID();
}

export function newSecretToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
