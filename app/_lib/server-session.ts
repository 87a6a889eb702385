import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { resolveActor, type Actor } from '@/server/auth/actor';
import { findMembership, getCompact } from '@/server/services/compacts';

/** The signed-in person for a server component, or null. */
export async function currentActor(): Promise<Actor | null> {
  return resolveActor(getDb(), await headers());
}

/** The signed-in person; signed-out visitors are sent to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/');
  return actor;
}

/** The signed-in member and their membership of a compact; anyone else gets a 404. */
export async function requireMembership(compactId: string) {
  const actor = await requireActor();
  const { db } = getDb();
  const membership = findMembership(db, compactId, actor.userId);
  if (!membership) notFound();
  return { actor, membership, compact: getCompact(db, compactId) };
}
