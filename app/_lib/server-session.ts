import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { serverApi } from '@/server/trpc/server-caller';

/**
 * A procedure's answer for a page. Signed-out visitors are sent to the sign-in page; what they may
 * not see (not a member, not their role, a malformed id) is a 404, so nothing's existence is revealed.
 */
export async function forPage<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === 'UNAUTHORIZED') redirect('/');
      if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_REQUEST') notFound();
    }
    throw error;
  }
}

/** The signed-in person for a server component, or null. */
export async function currentActor() {
  try {
    return await serverApi.account.me();
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return null;
    throw error;
  }
}

/** The signed-in person; signed-out visitors are sent to the sign-in page. */
export function requireActor() {
  return forPage(serverApi.account.me());
}

/**
 * The signed-in member and the compact with their role in it; anyone else gets a 404. Asked once
 * per request: a compact's layout and its page both need it.
 */
export const requireMembership = cache(async (compactId: string) => {
  const actor = await requireActor();
  const compact = await forPage(serverApi.compacts.byId({ compactId }));
  return { actor, compact };
});
