import { hashPassword } from 'better-auth/crypto';
import type { DbHandle } from '@/db/client';
import { account, user } from '@/db/schema/auth';
import { compacts, memberships } from '@/db/schema/compacts';
import { parties } from '@/db/schema/parties';
import type { PartyKind } from '@/shared/enums';
import { getAuth } from '@/server/auth/auth';
import { createContext } from '@/server/trpc/init';
import { createCaller } from '@/server/trpc/root';
import { appendDocUpdate } from '@/server/services/document-store';
import { contentToYUpdate } from '@/server/editor/document-content';
import { newProvisionId } from '@/shared/negotiation/vocabulary';
import { newId } from '@/server/services/ids';
import type { CompactRole } from '@/shared/roles';

export const TEST_PASSWORD = 'correct horse battery';
let sequence = 0;
let cachedHash: Promise<string> | null = null;

export function buildParty(
  handle: DbHandle,
  overrides: Partial<{ name: string; shortCode: string; kind: PartyKind }> = {},
) {
  sequence++;
  const party = {
    id: newId(),
    name: overrides.name ?? `Party ${sequence}`,
    shortCode: overrides.shortCode ?? `P${sequence}`,
    kind: overrides.kind ?? ('tpcc' as PartyKind),
  };
  handle.db
    .insert(parties)
    .values({ ...party, createdAt: new Date() })
    .run();
  return party;
}

export async function buildUser(
  handle: DbHandle,
  overrides: Partial<{ email: string; name: string; isInstanceAdmin: boolean; password: string }> = {},
) {
  sequence++;
  const id = newId();
  const now = new Date();
  const email = overrides.email ?? `person${sequence}@example.org`;
  const password = overrides.password ? hashPassword(overrides.password) : (cachedHash ??= hashPassword(TEST_PASSWORD));
  handle.db
    .insert(user)
    .values({
      id,
      name: overrides.name ?? `Person ${sequence}`,
      email,
      isInstanceAdmin: overrides.isInstanceAdmin ?? false,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  handle.db
    .insert(account)
    .values({
      id: newId(),
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: await password,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return { id, email, password: overrides.password ?? TEST_PASSWORD };
}

export function buildCompact(handle: DbHandle, options: { title?: string; text?: string } = {}) {
  const id = newId();
  handle.db
    .insert(compacts)
    .values({ id, title: options.title ?? `Compact ${++sequence}`, createdAt: new Date() })
    .run();
  if (options.text !== undefined) {
    const update = contentToYUpdate({
      type: 'doc',
      content: [
        {
          type: 'provision',
          attrs: { id: newProvisionId(), kind: 'operative', state: 'open' },
          content: [{ type: 'paragraph', content: options.text ? [{ type: 'text', text: options.text }] : [] }],
        },
      ],
    });
    appendDocUpdate(handle.db, id, update, { userId: null, partyId: null });
  }
  return { id };
}

/** Adds a membership representing `partyId` (a new party when not given); returns the party's id. */
export function addMember(
  handle: DbHandle,
  compactId: string,
  userId: string,
  role: CompactRole,
  partyId: string = buildParty(handle).id,
  signatory = false,
) {
  handle.db.insert(memberships).values({ compactId, userId, partyId, role, signatory, createdAt: new Date() }).run();
  return partyId;
}

/** The token of a one-time link's path (`/invite/<token>`, `/reset-password/<token>`). */
export const tokenOf = (path: string) => path.split('/').pop()!;

/** Signs in through better-auth and returns the session cookie header. */
export async function signIn(handle: DbHandle, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await getAuth(handle).api.signInEmail({ body: { email, password }, asResponse: true });
  if (!response.ok) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A tRPC caller as the person holding this cookie (or signed out when null). */
export async function callerFor(handle: DbHandle, cookie: string | null) {
  const headers = new Headers(cookie ? { cookie } : {});
  return createCaller(await createContext(handle, headers));
}

/** A new person who is a member of `compactId` with `role` for `partyId` (a new party when not given), signed in. */
export async function memberWithRole(handle: DbHandle, compactId: string, role: CompactRole, partyId?: string) {
  const person = await buildUser(handle);
  const membershipParty = addMember(handle, compactId, person.id, role, partyId);
  const cookie = await signIn(handle, person.email);
  return { ...person, partyId: membershipParty, cookie, caller: await callerFor(handle, cookie) };
}

export type Member = Awaited<ReturnType<typeof memberWithRole>>;
