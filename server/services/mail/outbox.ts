import 'server-only';
import { and, eq, isNull, lt, lte, or, isNotNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema/notifications';
import type { NotificationKind } from '@/shared/notifications/kinds';
import { config } from '../../config';
import { describeSendFailure, mailConfigured, smtpSender, type SendEmail } from './transport';

/** Messages one pass sends (one at a time); the next pass takes the rest. */
const BATCH = 20;
/** A message being sent is held this long, so a crash mid-send retries it instead of losing it. */
const SENDING_LEASE_MS = 2 * 60_000;
const FIRST_RETRY_MS = 60_000;
/** Sent and given-up messages are kept this long (without their body), then deleted. */
const KEEP_MS = 30 * 24 * 60 * 60_000;
/** How often the running outbox deletes them: a scan of the table, not worth doing every poll. */
const PRUNE_EVERY_MS = 60 * 60_000;
/** E-mails one statement queues (7 values each, far below SQLite's limit on bound values). */
const EMAILS_PER_INSERT = 500;

const wakers = new Set<() => void>();

/**
 * Queues e-mails inside the caller's transaction: they leave only if the change commits. Does
 * nothing when e-mail is not configured. The running outbox is woken once the transaction is over.
 */
export function enqueueEmails(
  tx: DbOrTx,
  emails: { kind: NotificationKind; to: string; subject: string; text: string }[],
  now = new Date(),
): void {
  if (emails.length === 0 || !mailConfigured()) return;
  // Sliced: a batch of notices (a deadline sweep, a bulk decision) can queue more e-mails than one
  // statement may bind values for.
  for (let start = 0; start < emails.length; start += EMAILS_PER_INSERT)
    tx.insert(emailOutbox)
      .values(
        emails.slice(start, start + EMAILS_PER_INSERT).map((email) => ({
          kind: email.kind,
          toAddress: email.to,
          subject: email.subject,
          body: email.text,
          nextAttemptAt: now,
          createdAt: now,
        })),
      )
      .run();
  // better-sqlite3 transactions are synchronous: by the next turn this one has committed or rolled back.
  setImmediate(() => wakers.forEach((wake) => wake()));
}

/** How long after its `attempts`-th failure a message is tried again: 1, 2, 4, 8… minutes. */
export function retryDelayMs(attempts: number): number {
  return FIRST_RETRY_MS * 2 ** Math.min(attempts - 1, 10);
}

function claimDue(db: Db, now: Date) {
  const leaseUntil = new Date(now.getTime() + SENDING_LEASE_MS);
  const due = db.transaction((tx) => {
    const rows = tx
      .select()
      .from(emailOutbox)
      .where(and(isNull(emailOutbox.sentAt), isNull(emailOutbox.failedAt), lte(emailOutbox.nextAttemptAt, now)))
      .orderBy(emailOutbox.nextAttemptAt, emailOutbox.id)
      .limit(BATCH)
      .all();
    for (const row of rows)
      tx.update(emailOutbox).set({ nextAttemptAt: leaseUntil }).where(eq(emailOutbox.id, row.id)).run();
    return rows;
  });
  return due.map((row) => ({ ...row, leaseUntil }));
}

/**
 * Renews the hold on a claimed message just before it is sent, if it is still ours: a batch of
 * slow sends can outlast the first hold, and another pass (another process, or after a restart)
 * may have taken the message over since — then this pass leaves it, and it is sent once.
 */
function renewLease(db: Db, id: number, heldUntil: Date, now: Date): Date | null {
  const leaseUntil = new Date(now.getTime() + SENDING_LEASE_MS);
  const renewed = db
    .update(emailOutbox)
    .set({ nextAttemptAt: leaseUntil })
    .where(
      and(
        eq(emailOutbox.id, id),
        isNull(emailOutbox.sentAt),
        isNull(emailOutbox.failedAt),
        eq(emailOutbox.nextAttemptAt, heldUntil),
      ),
    )
    .run();
  return renewed.changes === 1 ? leaseUntil : null;
}

/**
 * One pass of the outbox: sends the messages due, one at a time, outside any transaction. A
 * failure is retried with a growing delay up to `maxAttempts`, then given up; both are logged
 * with the message's id, kind and the error's code only. Returns how many were sent.
 */
export async function processOutbox(
  db: Db,
  send: SendEmail,
  options: { now?: () => Date; maxAttempts?: number; log?: (line: string) => void } = {},
): Promise<number> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? config.mailMaxAttempts;
  const log = options.log ?? ((line: string) => console.error(line));
  let sent = 0;
  for (const row of claimDue(db, now())) {
    if (!renewLease(db, row.id, row.leaseUntil, now())) continue;
    try {
      await send({ to: row.toAddress, subject: row.subject, text: row.body });
      db.update(emailOutbox).set({ sentAt: now(), body: '', lastError: null }).where(eq(emailOutbox.id, row.id)).run();
      sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const reason = describeSendFailure(error);
      const givenUp = attempts >= maxAttempts;
      db.update(emailOutbox)
        .set({
          attempts,
          lastError: reason,
          nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts)),
          ...(givenUp ? { failedAt: now(), body: '' } : {}),
        })
        .where(eq(emailOutbox.id, row.id))
        .run();
      log(
        `E-mail ${row.id} (${row.kind}) failed (attempt ${attempts} of ${maxAttempts}): ${reason}${givenUp ? '; given up' : ''}`,
      );
    }
  }
  return sent;
}

/** Deletes sent and given-up messages older than the retention period. */
export function pruneOutbox(db: DbOrTx, now = new Date()): void {
  const before = new Date(now.getTime() - KEEP_MS);
  db.delete(emailOutbox)
    .where(and(or(isNotNull(emailOutbox.sentAt), isNotNull(emailOutbox.failedAt)), lt(emailOutbox.createdAt, before)))
    .run();
}

/**
 * Runs the outbox in the HTTP process: a pass every `pollMs` and as soon as a message is queued,
 * never two passes at once. Returns a function that stops it. Does nothing without SMTP_URL.
 */
export function startMailOutbox(
  db: Db,
  options: { smtpUrl?: string | null; pollMs?: number; send?: SendEmail } = {},
): () => void {
  const smtpUrl = options.smtpUrl === undefined ? config.smtpUrl : options.smtpUrl;
  if (!smtpUrl && !options.send) return () => {};
  const send = options.send ?? smtpSender(smtpUrl!);
  let running = false;
  let again = false;
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    processOutbox(db, send)
      // Sending errors are handled per message inside the pass; what reaches here is the database's
      // (e.g. closed under a pass that was running when the outbox stopped), so its message is logged.
      .catch((error: unknown) => {
        if (!stopped)
          console.error(
            'The e-mail outbox failed:',
            error instanceof Error ? error.message : describeSendFailure(error),
          );
      })
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          pass();
        }
      });
  };
  let prunedAt = 0;
  const timer = setInterval(() => {
    if (Date.now() - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      try {
        pruneOutbox(db);
      } catch (error) {
        console.error('Pruning the e-mail outbox failed:', error instanceof Error ? error.message : error);
      }
    }
    pass();
  }, options.pollMs ?? config.mailPollMs);
  timer.unref();
  wakers.add(pass);
  pass();
  return () => {
    stopped = true;
    wakers.delete(pass);
    clearInterval(timer);
  };
}
