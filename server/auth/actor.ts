import 'server-only';
import type { DbHandle } from '@/db/client';
import { isAppLocale, type AppLocale } from '@/i18n/locales';
import { getAuth } from './auth';

/**
 * The signed-in person behind a request: the account only. The party a person represents
 * belongs to each of their memberships (see `findMembership` and server/policies/compact-member.ts).
 */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  isInstanceAdmin: boolean;
  /** The interface language the person chose; null until they choose one. */
  locale: AppLocale | null;
  sessionToken: string;
}

/** Reads the session cookie; null when signed out, expired or deactivated. */
export async function resolveActor(handle: DbHandle, headers: Headers): Promise<Actor | null> {
  const result = await getAuth(handle).api.getSession({ headers });
  if (!result) return null;
  const { user, session } = result;
  if (user.deactivatedAt) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isInstanceAdmin: Boolean(user.isInstanceAdmin),
    locale: isAppLocale(user.locale) ? user.locale : null,
    sessionToken: session.token,
  };
}
