import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DbHandle } from '@/db/client';

/** A fresh, migrated SQLite file in a temporary folder. */
export function createTestDb(): DbHandle & { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-test-'));
  const handle = openDatabase(path.join(dir, 'compact.db'));
  return {
    ...handle,
    dir,
    cleanup: () => {
      try {
        handle.sqlite.close();
      } catch {
        // already closed
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function countRows(handle: DbHandle, table: string): number {
  return (handle.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** How many updates of a compact's text are stored. */
export function storedUpdates(handle: DbHandle, compactId: string): number {
  return (
    handle.sqlite.prepare('SELECT count(*) AS n FROM doc_updates WHERE compact_id = ?').get(compactId) as { n: number }
  ).n;
}

/**
 * Counts the SQL statements the database prepares from now on (drizzle prepares one per query
 * run): `take()` answers how many since the last take; `stop()` ends the count.
 */
export function countStatements(handle: DbHandle) {
  const prepare = handle.sqlite.prepare.bind(handle.sqlite);
  let statements = 0;
  handle.sqlite.prepare = ((source: string) => {
    statements++;
    return prepare(source);
  }) as typeof handle.sqlite.prepare;
  return {
    take: () => {
      const taken = statements;
      statements = 0;
      return taken;
    },
    stop: () => {
      handle.sqlite.prepare = prepare;
    },
  };
}
