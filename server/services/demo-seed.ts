import 'server-only';
import { hashPassword } from 'better-auth/crypto';
import { count } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { user } from '@/db/schema/auth';
import { compacts, memberships } from '@/db/schema/compacts';
import { parties } from '@/db/schema/parties';
import type { PartyKind } from '@/shared/enums';
import { demoCompactText } from '../editor/demo-compact-text';
import { seedDemoTextHistory } from './demo-text-history';
import { seedDemoComments } from './demo-comments';
import { seedDemoFramework } from './demo-framework-seed';
import { newId } from './ids';
import { insertPasswordCredential } from './credentials';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

export const DEMO_COMPACT_TITLE = 'Strategic Compact for the UN Stabilization Mission in Aldoria';

const DEMO_PARTIES: { key: string; name: string; shortCode: string; kind: PartyKind }[] = [
  { key: 'aldoria', name: 'Government of the Republic of Aldoria', shortCode: 'ALD', kind: 'host-government' },
  { key: 'secretariat', name: 'UN Secretariat', shortCode: 'UNS', kind: 'un-secretariat' },
  { key: 'mission', name: 'UN Stabilization Mission in Aldoria', shortCode: 'UNSMA', kind: 'un-mission' },
  { key: 'varenia', name: 'Republic of Varenia', shortCode: 'VAR', kind: 'tpcc' },
  { key: 'au', name: 'African Union', shortCode: 'AU', kind: 'regional-organisation' },
];

/** Seeds the demo parties, accounts and compact (with its text) into an empty database. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = db.transaction((tx) => {
    const [{ n }] = tx.select({ n: count() }).from(user).all() as [{ n: number }];
    if (n > 0) return null;
    const now = Date.now();
    const partyIds = new Map<string, string>();
    DEMO_PARTIES.forEach(({ key, ...party }, i) => {
      const id = newId();
      partyIds.set(key, id);
      tx.insert(parties)
        .values({ id, ...party, createdAt: new Date(now + i) })
        .run();
    });
    const compactId = newId();
    const createdAt = new Date(now);
    const userIds = DEMO_ACCOUNTS.map((demo) => {
      const id = newId();
      tx.insert(user)
        .values({
          id,
          name: demo.name,
          email: demo.email,
          emailVerified: true,
          isInstanceAdmin: demo.instanceAdmin ?? false,
          createdAt,
          updatedAt: createdAt,
        })
        .run();
      insertPasswordCredential(tx, id, passwordHash, createdAt);
      return id;
    });
    tx.insert(compacts)
      .values({
        id: compactId,
        title: DEMO_COMPACT_TITLE,
        description: 'Demo compact: co-edit it with the demo accounts.',
        createdBy: userIds[0],
        createdAt,
      })
      .run();
    DEMO_ACCOUNTS.forEach((demo, i) => {
      tx.insert(memberships)
        .values({
          compactId,
          userId: userIds[i]!,
          partyId: partyIds.get(demo.party)!,
          role: demo.role,
          signatory: demo.signatory ?? false,
          createdAt,
        })
        .run();
    });
    const byEmail = new Map(DEMO_ACCOUNTS.map((demo, i) => [demo.email, userIds[i]!]));
    const proposer = (party: string) => ({
      partyId: partyIds.get(party)!,
      userId: byEmail.get(`negotiator@${party}.example`)!,
    });
    const text = demoCompactText({
      aldoria: proposer('aldoria'),
      varenia: proposer('varenia'),
      mission: proposer('mission'),
    });
    const reporters = new Map([
      ['mission', byEmail.get('monitor@mission.example')!],
      ['aldoria', byEmail.get('negotiator@aldoria.example')!],
      ['varenia', byEmail.get('negotiator@varenia.example')!],
      ['au', byEmail.get('negotiator@au.example')!],
      ['secretariat', byEmail.get('admin@secretariat.example')!],
    ]);
    seedDemoFramework(
      tx,
      compactId,
      partyIds,
      reporters,
      byEmail.get('validator@secretariat.example')!,
      byEmail.get('admin@secretariat.example')!,
      text.ids,
    );
    const people = new Map(
      DEMO_ACCOUNTS.map((demo, i) => [
        demo.email,
        { userId: userIds[i]!, partyId: partyIds.get(demo.party)!, role: demo.role },
      ]),
    );
    return { compactId, people, text: text.content };
  });
  if (!seeded) return false;
  const member = (email: string) => ({ ...seeded.people.get(email)! });
  seedDemoTextHistory(db, seeded.compactId, seeded.text, {
    penholder: member('admin@secretariat.example'),
    proposers: ['aldoria', 'mission', 'varenia'].map((party) => member(`negotiator@${party}.example`)),
    zeroDraftSigner: { ...member('negotiator@mission.example'), signatory: true },
  });
  seedDemoComments(db, seeded.compactId, seeded.people);
  return true;
}
