import 'server-only';
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * Inserts many rows through one prepared statement (about ten times faster than drizzle's
 * multi-row insert builder, which keeps large imports' write transactions short). Values are
 * mapped as drizzle maps them (JSON, timestamps); every row must have the keys of the first one.
 * Call it inside a transaction on the same connection.
 */
export function bulkInsert<T extends SQLiteTable>(
  sqlite: Database.Database,
  table: T,
  rows: readonly T['$inferInsert'][],
): void {
  const [first] = rows;
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter((key) => key in columns);
  const names = keys.map((key) => `"${columns[key]!.name}"`).join(', ');
  const statement = sqlite.prepare(
    `INSERT INTO "${getTableName(table)}" (${names}) VALUES (${keys.map(() => '?').join(', ')})`,
  );
  for (const row of rows) {
    statement.run(
      keys.map((key) => {
        const value = (row as Record<string, unknown>)[key];
        return value === null || value === undefined ? null : columns[key]!.mapToDriverValue(value);
      }),
    );
  }
}
