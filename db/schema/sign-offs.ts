import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { compacts } from './compacts';
import { parties } from './parties';
import { versions } from './versions';

import { STATEMENT_KINDS } from '@/shared/history/sign-off-rules';

/**
 * A party's sign-off of a named version: who signed on the party's behalf, when, with an optional
 * reservation or interpretive statement, and the version's content hash (and canonical-form rule)
 * copied at signing, so what was signed is fixed whatever happens later. Never deleted: a
 * withdrawal (by a signatory of the party, or by signing a newer version) is recorded on the row.
 * A party has at most one active (not withdrawn) sign-off per compact.
 */
export const signOffs = sqliteTable(
  'sign_offs',
  {
    id: text('id').primaryKey(),
    compactId: text('compact_id')
      .notNull()
      .references(() => compacts.id),
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    signedBy: text('signed_by')
      .notNull()
      .references(() => user.id),
    contentHash: text('content_hash').notNull(),
    canonicalVersion: integer('canonical_version').notNull(),
    statementKind: text('statement_kind', { enum: STATEMENT_KINDS }).notNull(),
    statement: text('statement'),
    signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull(),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    withdrawnBy: text('withdrawn_by').references(() => user.id),
    withdrawalReason: text('withdrawal_reason'),
  },
  (t) => [
    // A compact's sign-offs by party, newest first (the status and the withdrawn record).
    index('sign_offs_compact_party').on(t.compactId, t.partyId, t.signedAt),
    // At most one active sign-off per party: two signatories signing at once cannot both win.
    uniqueIndex('sign_offs_one_active')
      .on(t.compactId, t.partyId)
      .where(sql`${t.withdrawnAt} is null`),
  ],
);
