import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Settings read from the environment; see the configuration table in the README. */
export const config = {
  get port(): number {
    return nonNegativeInteger('PORT', 3000);
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
    return positiveInteger('COLLAB_IDLE_UNLOAD_MS', 30_000);
  },
  get collabMaxPayloadBytes(): number {
    return positiveInteger('COLLAB_MAX_PAYLOAD_BYTES', 16 * 1024 * 1024);
  },
  get collabSessionRecheckMs(): number {
    return positiveInteger('COLLAB_SESSION_RECHECK_MS', 30_000);
  },
  /** A socket whose unsent queue passes the document's size plus this is dropped as too slow. */
  get collabMaxBufferedBytes(): number {
    return positiveInteger('COLLAB_MAX_BUFFERED_BYTES', 16 * 1024 * 1024);
  },
  get collabMaxAwarenessBytes(): number {
    return positiveInteger('COLLAB_MAX_AWARENESS_BYTES', 16 * 1024);
  },
  /** Sync requests (sync step 1) one connection may make per minute; a browser makes one per connection. */
  get collabSyncRequestsPerMinute(): number {
    return positiveInteger('COLLAB_SYNC_REQUESTS_PER_MINUTE', 30);
  },
  /** Presence messages (carets) one collaboration connection may send per minute; the rest are dropped. */
  get collabAwarenessMessagesPerMinute(): number {
    return positiveInteger('COLLAB_AWARENESS_MESSAGES_PER_MINUTE', 3000);
  },
  get collabMaxConnectionsPerPerson(): number {
    return positiveInteger('COLLAB_MAX_CONNECTIONS_PER_PERSON', 20);
  },
  get collabMaxConnectionsPerRoom(): number {
    return positiveInteger('COLLAB_MAX_CONNECTIONS_PER_ROOM', 200);
  },
  /**
   * After the server refused someone's update (4424: another party's proposal or an agreement
   * state), how long that person's new connections to that compact are refused (4429): each
   * refusal reloads the room and reconnects everyone in it, which must not be repeatable at will.
   */
  get collabRefusalCooldownMs(): number {
    return nonNegativeInteger('COLLAB_REFUSAL_COOLDOWN_MS', 60_000);
  },
  /** How long one collaboration write waits for another process's write lock before retrying asynchronously. */
  get collabWriteBusyTimeoutMs(): number {
    return nonNegativeInteger('COLLAB_WRITE_BUSY_TIMEOUT_MS', 20);
  },
  /** Most tRPC calls one HTTP request may batch (the browser sends at most 10). */
  get trpcMaxBatchSize(): number {
    return positiveInteger('TRPC_MAX_BATCH_SIZE', 10);
  },
  /** Failed uses of invitation and password-reset links per client address per 15 minutes. */
  get tokenLinkMaxFailures(): number {
    return positiveInteger('TOKEN_LINK_MAX_FAILURES', 30);
  },
  /** Heavy calls (compact text, framework view, CSV import and export, opening a comment thread, writes checked against the stored text) one person runs at a time. */
  get heavyCallsPerPerson(): number {
    return positiveInteger('HEAVY_CALLS_PER_PERSON', 2);
  },
  /** Heavy calls of one person that wait for a turn; any more are refused. */
  get heavyCallsQueuedPerPerson(): number {
    return nonNegativeInteger('HEAVY_CALLS_QUEUED_PER_PERSON', 8);
  },
  /** Request body caps, enforced before a body is read (see server/http/body-limits.ts). */
  get bodyLimitAuthBytes(): number {
    return positiveInteger('BODY_LIMIT_AUTH_BYTES', 64 * 1024);
  },
  get bodyLimitTrpcBytes(): number {
    return positiveInteger('BODY_LIMIT_TRPC_BYTES', 1024 * 1024);
  },
  /** CSV imports go through tRPC: a file of CSV_MAX_CHARS characters takes up to four bytes a character as JSON. */
  get bodyLimitCsvImportBytes(): number {
    return positiveInteger('BODY_LIMIT_CSV_IMPORT_BYTES', this.csvMaxChars * 4 + 64 * 1024);
  },
  get bodyLimitOtherBytes(): number {
    return positiveInteger('BODY_LIMIT_OTHER_BYTES', 64 * 1024);
  },
  /** CSV imports: characters of a whole file. */
  get csvMaxChars(): number {
    return positiveInteger('CSV_MAX_CHARS', 2_000_000);
  },
  /** CSV imports: cells in one row (the framework file has 19 fixed columns plus one per target period or year). */
  get csvMaxColumns(): number {
    return positiveInteger('CSV_MAX_COLUMNS', 200);
  },
  /** CSV imports: characters in one cell (the longest field, a narrative, holds 8,000). */
  get csvMaxCellChars(): number {
    return positiveInteger('CSV_MAX_CELL_CHARS', 10_000);
  },
  /** CSV imports: characters in one row (a progress row with a full narrative and 20 long links stays under it). */
  get csvMaxRowChars(): number {
    return positiveInteger('CSV_MAX_ROW_CHARS', 100_000);
  },
  /** CSV imports: rows after the header; with the filled-cell cap it keeps an import's write transaction short. */
  get csvImportMaxRows(): number {
    return positiveInteger('CSV_IMPORT_MAX_ROWS', 2_000);
  },
  /** CSV imports: non-empty cells after the header. */
  get csvImportMaxFilledCells(): number {
    return positiveInteger('CSV_IMPORT_MAX_FILLED_CELLS', 20_000);
  },
  /** An automatic version is made once a compact's text has had no new update for this long. */
  get versionQuietMs(): number {
    return positiveInteger('VERSION_QUIET_MS', 120_000);
  },
  /** …or once its oldest update not yet in a version is this old, even while people keep editing. */
  get versionActivityMs(): number {
    return positiveInteger('VERSION_ACTIVITY_MS', 600_000);
  },
  /** How often the HTTP process looks for compacts due an automatic version. */
  get versionSweepMs(): number {
    return positiveInteger('VERSION_SWEEP_MS', 30_000);
  },
  /** The Chromium that prints PDF exports (the same one the browser tests use). */
  get chromiumPath(): string {
    return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  },
  /** PDF exports printed at the same time; more wait their turn. */
  get pdfConcurrency(): number {
    return positiveInteger('PDF_CONCURRENCY', 2);
  },
  /** The SMTP server e-mails go through (`smtp://user:pass@host:587`, `smtps://…`); unset: no e-mail, links to copy. */
  get smtpUrl(): string | null {
    const raw = process.env.SMTP_URL;
    if (!raw) return null;
    if (!/^smtps?:\/\/[^/\s]+/.test(raw))
      throw new Error('SMTP_URL must start with smtp:// or smtps:// and name a host.');
    return raw;
  },
  /** The address e-mails come from. */
  get mailFrom(): string {
    return (
      process.env.MAIL_FROM || `Compact Workspace <no-reply@${new URL(this.publicUrl ?? 'http://localhost').hostname}>`
    );
  },
  /** The address people open the app at, for links in e-mails (`https://compacts.example.org`); required with SMTP_URL. */
  get publicUrl(): string | null {
    const raw = process.env.PUBLIC_URL;
    if (!raw) {
      if (process.env.SMTP_URL) throw new Error('PUBLIC_URL must be set with SMTP_URL: e-mails carry absolute links.');
      return null;
    }
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`PUBLIC_URL must be an absolute http(s) address (got "${raw}").`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error(`PUBLIC_URL must be an absolute http(s) address (got "${raw}").`);
    return url.origin + url.pathname.replace(/\/+$/, '');
  },
  /** How often the e-mail outbox looks for messages due (new ones are also sent at once). */
  get mailPollMs(): number {
    return positiveInteger('MAIL_POLL_MS', 15_000);
  },
  /** Attempts at sending one e-mail before it is given up (logged); retries back off from one minute. */
  get mailMaxAttempts(): number {
    return positiveInteger('MAIL_MAX_ATTEMPTS', 10);
  },
  /** How often the HTTP process looks for reporting deadlines to tell people about (and prunes old notifications). */
  get notificationSweepMs(): number {
    return positiveInteger('NOTIFICATION_SWEEP_MS', 15 * 60_000);
  },
};

/** Reads every setting once, so a malformed one stops the start instead of failing requests later. */
export function checkSettings(): void {
  for (const name of Object.keys(config) as Array<keyof typeof config>) void config[name];
}

/** An integer setting ≥ `min`; any other value throws, naming the variable (read at start and on use). */
function integerSetting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be an integer of at least ${min} (got "${raw}").`);
  return value;
}

function positiveInteger(name: string, fallback: number): number {
  return integerSetting(name, fallback, 1);
}

function nonNegativeInteger(name: string, fallback: number): number {
  return integerSetting(name, fallback, 0);
}

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
