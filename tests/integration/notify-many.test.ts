import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { user } from '@/db/schema/auth';
import { bulkInsert } from '@/server/services/bulk-insert';
import { notifyAll } from '@/server/services/notifications/notify';
import { notificationArgs } from '@/server/services/notifications/notification-args';
import { buildCompact } from '../helpers/factories';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
const env = { SMTP_URL: process.env.SMTP_URL, PUBLIC_URL: process.env.PUBLIC_URL };

before(() => {
  // E-mail is configured (nothing sends here: no outbox runs), so every notification queues one.
  process.env.SMTP_URL = 'smtp://127.0.0.1:2525';
  process.env.PUBLIC_URL = 'https://compacts.example.test';
});
after(() => {
  for (const [name, value] of Object.entries(env))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  db.cleanup();
});

test('a batch of notices to thousands of people queues all their e-mails (past the bound on one statement)', () => {
  const compactId = buildCompact(db).id;
  const now = new Date();
  const people = Array.from({ length: 6000 }, (_, i) => ({
    id: `person-${i}`,
    name: `Person ${i}`,
    email: `person-${i}@example.org`,
    createdAt: now,
    updatedAt: now,
  }));
  bulkInsert(db.db, user, people);
  const ids = people.map((person) => person.id);
  const notice = (n: number) => ({
    kind: 'deadline-missed' as const,
    compactId,
    href: `/compacts/${compactId}/indicators/i${n}`,
    args: notificationArgs({
      compact: 'Aldoria',
      indicator: `AL-${n}`,
      title: 'Schools',
      period: '2025-Q1',
      due: '2025-04-30',
    }),
    dedupeKey: `many:${n}`,
  });
  const told = db.sqlite.transaction(() =>
    notifyAll(db.db, null, [
      { recipients: ids.slice(0, 3000), notice: notice(1) },
      { recipients: ids.slice(3000), notice: notice(2) },
    ]),
  )();
  assert.equal(told, 6000);
  assert.equal(countRows(db, 'notifications'), 6000);
  assert.equal(countRows(db, 'email_outbox'), 6000);
});
