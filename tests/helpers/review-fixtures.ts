import type { DbHandle } from '@/db/client';
import { appendDocUpdate } from '@/server/services/document-store';
import { validateProgress } from '@/server/services/framework/progress';
import { setTarget } from '@/server/services/framework/targets';
import { buildServerUpdate } from '@/server/services/server-edits';
import { typeInto } from './collab-client';
import { submittedBy } from './framework-fixtures';

const at = (iso: string) => new Date(iso).getTime();

/** Stores an edit by `author` (words typed at the start of the first paragraph), as if it had been stored at `when`. */
export function editStoredAt(
  handle: DbHandle,
  compactId: string,
  words: string,
  author: { userId: string | null; partyId: string | null },
  when: string,
): number {
  const update = buildServerUpdate(handle.db, compactId, (doc) => typeInto(doc, 0, words));
  const id = appendDocUpdate(handle.db, compactId, update, author);
  handle.sqlite.prepare('UPDATE doc_updates SET created_at = ? WHERE id = ?').run(at(when), id);
  return id;
}

/** Makes everything already stored for the compact (its text, its indicators) look as old as `when`. */
export function backdateCompact(handle: DbHandle, compactId: string, when: string): void {
  handle.sqlite.prepare('UPDATE doc_updates SET created_at = ? WHERE compact_id = ?').run(at(when), compactId);
  handle.sqlite.prepare('UPDATE indicators SET created_at = ? WHERE compact_id = ?').run(at(when), compactId);
}

/** A value submitted by the monitor and validated by the validator, as if validated at `when`. */
export function validatedAt(
  handle: DbHandle,
  people: { monitor: { userId: string; partyId: string }; validator: { userId: string; partyId: string } },
  compactId: string,
  indicatorId: string,
  periodId: string,
  value: number,
  when: string,
): string {
  const submitted = submittedBy(handle, people.monitor, compactId, indicatorId, periodId, { value });
  validateProgress(handle.db, people.validator, compactId, submitted.id, null);
  handle.sqlite.prepare('UPDATE progress_updates SET decided_at = ? WHERE id = ?').run(at(when), submitted.id);
  return submitted.id;
}

/** A period's target set by an administrator, as if set at `when`. */
export function targetSetAt(
  handle: DbHandle,
  admin: { userId: string; partyId: string },
  compactId: string,
  indicatorId: string,
  periodId: string,
  value: number,
  when: string,
): void {
  setTarget(handle.db, admin, compactId, indicatorId, { periodId, value });
  handle.sqlite
    .prepare(
      'UPDATE indicator_targets SET set_at = ? WHERE id = (SELECT max(id) FROM indicator_targets WHERE indicator_id = ?)',
    )
    .run(at(when), indicatorId);
}
