import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '../../db/client';
import { resolveActor, type Actor } from '../../server/auth/actor';

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
