import 'server-only';
import { and, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { seedDemoIfEmpty } from './demo-seed';
import { hasAnyAccount } from './instance-admins';

export interface DemoSettings {
  /** SEED_DEMO is not `0`. */
  seedDemo: boolean;
  /** TRUST_PROXY is set: the app is served through a (TLS-terminating) proxy, i.e. deployed for real. */
  trustProxy: boolean;
}

export type DemoSeedDecision = { seed: true } | { seed: false; reason: string };

export const CREATE_ADMIN_HINT = 'npm run create-admin -- --email you@example.org --name "Your Name"';

/**
 * The demo (accounts with a published password, one an instance administrator) is seeded into
 * an empty database only for a local try-out: never when SEED_DEMO=0, and never behind a proxy
 * (TRUST_PROXY), which is how a real deployment is served over https.
 */
export function demoSeedDecision(settings: DemoSettings): DemoSeedDecision {
  if (!settings.seedDemo) return { seed: false, reason: 'SEED_DEMO=0.' };
  if (settings.trustProxy) {
    return {
      seed: false,
      reason:
        'TRUST_PROXY is set, so this is a real deployment behind an https proxy: demo accounts with a published password do not belong there (and their password is refused over https).',
    };
  }
  return { seed: true };
}

/** The demo accounts present and not deactivated. */
export function activeDemoAccounts(db: DbOrTx): string[] {
  const emails = DEMO_ACCOUNTS.map((demo) => demo.email);
  return db
    .select({ email: user.email })
    .from(user)
    .where(and(inArray(user.email, emails), isNull(user.deactivatedAt)))
    .all()
    .map((row) => row.email);
}

function banner(lines: string[]): string {
  const rule = '!'.repeat(78);
  return [rule, ...lines.map((line) => `!! ${line}`), rule].join('\n');
}

export function demoAccountsWarning(emails: string[]): string {
  return banner([
    'WARNING: this database contains the DEMO accounts, whose password is published:',
    `  ${emails.join(', ')}  (password: ${DEMO_PASSWORD})`,
    'Anyone who can reach this server can sign in as them, including an instance administrator,',
    'unless their passwords were changed. Over https (TRUST_PROXY) that password is refused.',
    'For a real deployment: start on an empty database with SEED_DEMO=0 (or TRUST_PROXY=1) and',
    `create the first administrator with: ${CREATE_ADMIN_HINT}`,
  ]);
}

/**
 * What `npm start` does about the demo: seed it when allowed and the database is empty, say why
 * not otherwise, and warn loudly whenever demo accounts are in the database.
 */
export async function prepareDemoAtStartup(db: Db, settings: DemoSettings, log: (message: string) => void) {
  const decision = demoSeedDecision(settings);
  let seeded = false;
  if (decision.seed) {
    seeded = await seedDemoIfEmpty(db);
    if (seeded) log(`Seeded the demo compact and accounts (password: ${DEMO_PASSWORD}).`);
  } else if (!hasAnyAccount(db)) {
    log(
      `Not seeding the demo accounts: ${decision.reason}\nThe database has no accounts yet. Create the first instance administrator with:\n  ${CREATE_ADMIN_HINT}`,
    );
  }
  const demoAccounts = activeDemoAccounts(db);
  if (demoAccounts.length > 0) log(demoAccountsWarning(demoAccounts));
  return { seeded, demoAccounts };
}
