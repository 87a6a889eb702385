import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

import { PARTY_KINDS } from '@/shared/enums';

/** An organisation taking part in compacts: a government, the mission, a T/PCC, a regional body. */
export const parties = sqliteTable('parties', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  shortCode: text('short_code').notNull().unique(),
  kind: text('kind', { enum: PARTY_KINDS }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});
