import 'server-only';
import type { DbHandle } from '@/db/client';
import type { HttpExchange } from '../trpc/init';
import { getAuth } from './auth';
import { secureCookie } from './auth-route';
import { CLIENT_ADDRESS_HEADER, isHttpsRequest } from './request-origin';

/** The request headers better-auth records with a session (who and from where), nothing else. */
const SESSION_HEADERS = [
  'host',
  'user-agent',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  CLIENT_ADDRESS_HEADER,
];

/**
 * Signs in the person who has just created their account through an invitation, with the
 * password they chose in the same request: better-auth checks it and creates the session
 * (deactivation hook included), and its httpOnly session cookie goes on this response (`Secure`
 * over https, as for the sign-in form). Whoever was signed in on this browser before is replaced.
 * Returns whether a session was started (false leaves the person to sign in by hand).
 */
export async function signInAfterInvitation(
  handle: DbHandle,
  http: HttpExchange,
  credentials: { email: string; password: string },
): Promise<boolean> {
  const headers = new Headers();
  for (const name of SESSION_HEADERS) {
    const value = http.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // The membership is in place whatever happens here: a failure leaves the person to sign in by hand.
  const response = await getAuth(handle)
    .api.signInEmail({ body: credentials, headers, asResponse: true })
    .catch((error: unknown) => {
      console.error('Signing in after an accepted invitation failed:', error);
      return null;
    });
  if (!response?.ok) return false;
  const https = isHttpsRequest(http.headers, http.url);
  for (const cookie of response.headers.getSetCookie())
    http.resHeaders.append('set-cookie', https ? secureCookie(cookie) : cookie);
  return true;
}
