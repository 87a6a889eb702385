import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as parties from './schema/parties';
import * as auth from './schema/auth';
import * as compacts from './schema/compacts';
import * as audit from './schema/audit';
import * as collab from './schema/collab';
import * as framework from './schema/framework';
import * as comments from './schema/comments';
import * as versions from './schema/versions';
import * as signOffs from './schema/sign-offs';
import * as reviews from './schema/reviews';
import * as requestKeys from './schema/request-keys';
import * as notifications from './schema/notifications';
import { chainUnchainedAuditEvents } from '../server/services/audit-backfill';

export const schema = {
  ...parties,
  ...auth,
  ...compacts,
  ...audit,
  ...collab,
  ...framework,
  ...comments,
  ...versions,
  ...signOffs,
  ...reviews,
  ...requestKeys,
  ...notifications,
};
/** drizzle's database, with the better-sqlite3 connection it wraps (`$client`, for prepared bulk writes). */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  sqlite: Database.Database;
  path: string;
}

const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

export function databasePathFromEnv(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? path.join(process.cwd(), 'data', 'compact.db'),
  );
}

/** Opens (creating when absent) and migrates a SQLite database in WAL mode. */
export function openDatabase(file: string): DbHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // Small pages make the per-update commit (a couple of pages appended to the WAL) cheaper;
  // this only takes effect when the file is new.
  sqlite.pragma('page_size = 1024');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  // NORMAL in WAL mode: a committed transaction survives a crash of the process;
  // FULL also survives power loss, at the cost of an fsync per commit.
  sqlite.pragma(`synchronous = ${process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
  const db = drizzle(sqlite, { schema });
  try {
    migrateChecked(sqlite, MIGRATIONS_FOLDER);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  sqlite.pragma('foreign_keys = ON');
  chainUnchainedAuditEvents(sqlite);
  return { db, sqlite, path: file };
}

function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  return table ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
}

/**
 * Marks, in the file header (`PRAGMA user_version`), a database whose foreign keys have not been
 * checked since a migration: drizzle commits the migrations before they can be checked, so a
 * failed check must be repeated on every start until it passes.
 */
const FOREIGN_KEYS_UNCHECKED = 1;

/**
 * Applies the pending migrations with foreign-key enforcement off, as SQLite's documented way to
 * recreate a table requires (drizzle runs them in one transaction, where `PRAGMA foreign_keys`
 * is a no-op; with enforcement on, dropping `user` would cascade to its sessions). When any
 * migration ran — or a previous start's check failed — every foreign key is checked before the
 * database is used, and the start is refused while any is broken.
 */
export function migrateChecked(sqlite: Database.Database, migrationsFolder: string) {
  sqlite.pragma('foreign_keys = OFF');
  const before = appliedMigrations(sqlite);
  const pending = readMigrationFiles({ migrationsFolder }).length > before;
  if (pending) sqlite.pragma(`user_version = ${FOREIGN_KEYS_UNCHECKED}`);
  migrate(drizzle(sqlite), { migrationsFolder });
  if (sqlite.pragma('user_version', { simple: true }) !== FOREIGN_KEYS_UNCHECKED) return;
  const broken = sqlite.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
  if (broken.length > 0) {
    const first = broken[0]!;
    throw new Error(
      `The migrated database has ${broken.length} broken foreign key(s), e.g. ${first.table} → ${first.parent}.`,
    );
  }
  sqlite.pragma('user_version = 0');
}

// The custom server and the Next.js route handlers are bundled separately but run in one
// process: they share one connection through globalThis.
const handles = ((globalThis as { __compactDbHandles?: Map<string, DbHandle> }).__compactDbHandles ??= new Map<
  string,
  DbHandle
>());

/** The process-wide database for DATABASE_PATH (or ./data/compact.db). */
export function getDb(): DbHandle {
  const file = databasePathFromEnv();
  let handle = handles.get(file);
  if (!handle) {
    handle = openDatabase(file);
    handles.set(file, handle);
  }
  return handle;
}

/**
 * Checkpoints the WAL on a timer from this connection (the collaboration process turns its
 * automatic checkpoints off, so their fsyncs never stall an edit). PASSIVE never blocks writers.
 */
export function checkpointWalPeriodically(handle: DbHandle, everyMs = 2000): () => void {
  const timer = setInterval(() => {
    try {
      handle.sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      console.error('WAL checkpoint failed:', error);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function closeDb(): void {
  for (const [file, handle] of handles) {
    handle.sqlite.close();
    handles.delete(file);
  }
}
