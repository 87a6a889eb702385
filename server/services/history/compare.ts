import 'server-only';
import type Database from 'better-sqlite3';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { provisionChanges } from '@/shared/history/provision-changes';
import type { Redline, RedlineAuthor, RedlineItem, RedlineNode } from '@/shared/history/redline';
import { loadClientOwners, SYSTEM_AUTHOR, type ClientOwner } from '../doc-clients';
import { rebuildStates } from './history-doc';
import { childrenOf, type AuthorIndex } from './redline-walk';

/** Authors met while walking, each once, in order of first appearance. */
function authorRegistry(sqlite: Database.Database, compactId: string) {
  const owners = loadClientOwners(sqlite, compactId);
  const list: ClientOwner[] = [];
  const indexes = new Map<string, number>();
  const indexOf = (owner: ClientOwner): number => {
    const key = `${owner.userId ?? ''}\0${owner.partyId ?? ''}`;
    let index = indexes.get(key);
    if (index === undefined) {
      index = list.push({ userId: owner.userId, partyId: owner.partyId }) - 1;
      indexes.set(key, index);
    }
    return index;
  };
  return { list, indexOf, ownerOf: (client: number) => owners.get(client) ?? SYSTEM_AUTHOR };
}

/** Names and party codes of the authors, read in two queries. */
function namedAuthors(sqlite: Database.Database, owners: ClientOwner[]): RedlineAuthor[] {
  const ids = (values: Array<string | null>) => [...new Set(values.filter((id): id is string => id !== null))];
  const lookup = (sql: string, values: string[]) =>
    values.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            sqlite.prepare(sql.replace('?', values.map(() => '?').join(','))).all(...values) as Array<{
              id: string;
              label: string;
            }>
          ).map((row) => [row.id, row.label]),
        );
  const names = lookup('SELECT id, name AS label FROM user WHERE id IN (?)', ids(owners.map((o) => o.userId)));
  const codes = lookup(
    'SELECT id, short_code AS label FROM parties WHERE id IN (?)',
    ids(owners.map((o) => o.partyId)),
  );
  return owners.map((owner) => ({
    userId: owner.userId,
    name: owner.userId === null ? null : (names.get(owner.userId) ?? null),
    partyId: owner.partyId,
    partyCode: owner.partyId === null ? null : (codes.get(owner.partyId) ?? null),
  }));
}

function countChanges(items: RedlineItem[]): number {
  let count = 0;
  for (const item of items) {
    if (item.change) count++;
    if (item.kind === 'node') count += item.attributeChanges.length + countChanges(item.content);
  }
  return count;
}

/**
 * The redline of a compact's text between two stored updates (`fromUpdateId` ≤ `toUpdateId`), from
 * the update log alone: an insertion is credited to the membership its Yjs client id is bound to,
 * a deletion to the sender of the first stored update that made it. Never client-written
 * attribution (y-prosemirror's PermanentUserData).
 */
export function compareStoredStates(
  sqlite: Database.Database,
  compactId: string,
  fromUpdateId: number,
  toUpdateId: number,
): Redline {
  const states = rebuildStates(sqlite, compactId, fromUpdateId, toUpdateId);
  const registry = authorRegistry(sqlite, compactId);
  const authors: AuthorIndex = {
    ofClient: (client) => registry.indexOf(registry.ownerOf(client)),
    ofDeletion: (id) => registry.indexOf(states.deletions.deleterOf(id) ?? SYSTEM_AUTHOR),
  };
  // One transaction for the whole walk: Yjs splits the structs at both snapshots once, not per text.
  let items: RedlineItem[] = [];
  states.doc.transact(() => {
    items = childrenOf({ states, authors }, states.doc.getXmlFragment(DOCUMENT_FIELD));
  });
  states.doc.destroy();
  const blocks = items.filter((item): item is RedlineNode => item.kind === 'node');
  return {
    blocks,
    authors: namedAuthors(sqlite, registry.list),
    provisions: provisionChanges(blocks),
    changes: countChanges(blocks),
  };
}
