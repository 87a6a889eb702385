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
  /** CSV imports: characters of a whole file. */
  get csvMaxChars(): number {
    return Number(process.env.CSV_MAX_CHARS ?? 2_000_000);
  },
  /** CSV imports: cells in one row (the framework file has 19 fixed columns plus one per target period or year). */
  get csvMaxColumns(): number {
    return Number(process.env.CSV_MAX_COLUMNS ?? 200);
  },
  /** CSV imports: characters in one cell (the longest field, a narrative, holds 8,000). */
  get csvMaxCellChars(): number {
    return Number(process.env.CSV_MAX_CELL_CHARS ?? 10_000);
  },
  /** CSV imports: characters in one row (a progress row with a full narrative and 20 long links stays under it). */
  get csvMaxRowChars(): number {
    return Number(process.env.CSV_MAX_ROW_CHARS ?? 100_000);
  },
  /** CSV imports: rows after the header; with the filled-cell cap it keeps an import's write transaction short. */
  get csvImportMaxRows(): number {
    return Number(process.env.CSV_IMPORT_MAX_ROWS ?? 2_000);
  },
  /** CSV imports: non-empty cells after the header. */
  get csvImportMaxFilledCells(): number {
    return Number(process.env.CSV_IMPORT_MAX_FILLED_CELLS ?? 20_000);
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
