import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Settings read from the environment; see the configuration table in the README. */
export const config = {
  get port(): number {
    return Number(process.env.PORT ?? 3000);
  },
  get host(): string {
    return process.env.HOST ?? '0.0.0.0';
  },
  /** Behind a TLS proxy: honour X-Forwarded-For / -Proto / -Host. */
  get trustProxy(): boolean {
    return process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true';
  },
  get seedDemo(): boolean {
    return process.env.SEED_DEMO !== '0';
  },
  get collabIdleUnloadMs(): number {
    return Number(process.env.COLLAB_IDLE_UNLOAD_MS ?? 30_000);
  },
  get collabMaxPayloadBytes(): number {
    return Number(process.env.COLLAB_MAX_PAYLOAD_BYTES ?? 16 * 1024 * 1024);
  },
  get collabSessionRecheckMs(): number {
    return Number(process.env.COLLAB_SESSION_RECHECK_MS ?? 30_000);
  },
  /** A socket whose unsent queue passes the document's size plus this is dropped as too slow. */
  get collabMaxBufferedBytes(): number {
    return Number(process.env.COLLAB_MAX_BUFFERED_BYTES ?? 16 * 1024 * 1024);
  },
  get collabMaxAwarenessBytes(): number {
    return Number(process.env.COLLAB_MAX_AWARENESS_BYTES ?? 64 * 1024);
  },
  /** Sync requests (sync step 1) one connection may make per minute; a browser makes one per connection. */
  get collabSyncRequestsPerMinute(): number {
    return Number(process.env.COLLAB_SYNC_REQUESTS_PER_MINUTE ?? 30);
  },
  get collabMaxConnectionsPerPerson(): number {
    return Number(process.env.COLLAB_MAX_CONNECTIONS_PER_PERSON ?? 20);
  },
  get collabMaxConnectionsPerRoom(): number {
    return Number(process.env.COLLAB_MAX_CONNECTIONS_PER_ROOM ?? 500);
  },
  /** How long one collaboration write waits for another process's write lock before retrying asynchronously. */
  get collabWriteBusyTimeoutMs(): number {
    return Number(process.env.COLLAB_WRITE_BUSY_TIMEOUT_MS ?? 20);
  },
};

/**
 * BETTER_AUTH_SECRET signs session cookies. When unset, a random secret is generated once
 * and kept beside the database so sessions survive restarts.
 */
export function authSecret(databasePath: string): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(path.dirname(databasePath), 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
