import 'server-only';
import { getDb } from '@/db/client';
import { publishAccessChange } from '../events/access-changes';
import { getAuth } from './auth';
import { refuseAuthRequest } from './auth-request-rules';
import { clientAddress, isHttpsRequest, isSameOriginRequest } from './request-origin';
import { clearSignInFailures, recordSignInFailure, signInRetryAfterSeconds } from './sign-in-throttle';

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A Set-Cookie value marked `Secure` (once). */
export function secureCookie(cookie: string): string {
  return /;\s*secure/i.test(cookie) ? cookie : `${cookie}; Secure`;
}

/** Cookies are `Secure` exactly when the browser talks to us over https. */
function withSecureCookies(response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (cookies.length === 0) return response;
  const headers = new Headers(response.headers);
  headers.delete('set-cookie');
  for (const cookie of cookies) headers.append('set-cookie', secureCookie(cookie));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function signIn(request: Request, handler: (r: Request) => Promise<Response>): Promise<Response> {
  const handle = getDb();
  const body = (await request
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  const email = typeof body?.email === 'string' ? body.email.slice(0, 320) : '';
  const address = clientAddress(request.headers);
  const retryAfter = signInRetryAfterSeconds(handle.db, email, address);
  if (retryAfter > 0) {
    return json(
      429,
      {
        code: 'TOO_MANY_ATTEMPTS',
        message: `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
      },
      { 'retry-after': String(retryAfter) },
    );
  }
  // Counted before the (slow) password check, so parallel attempts cannot slip past the limit.
  recordSignInFailure(handle.db, email, address);
  const response = await handler(request);
  if (response.ok) clearSignInFailures(handle.db, email, address);
  return response;
}

/** Signs out, and closes the collaboration sockets of the session that ended. */
async function signOut(request: Request, auth: ReturnType<typeof getAuth>): Promise<Response> {
  const current = await auth.api.getSession({ headers: request.headers });
  const response = await auth.handler(request);
  if (current) publishAccessChange({ type: 'session-ended', sessionToken: current.session.token });
  return response;
}

const SIGN_IN = 'POST /api/auth/sign-in/email';
const SIGN_OUT = 'POST /api/auth/sign-out';
/**
 * The better-auth endpoints served over HTTP: those the app uses (the sign-in form, the sign-out
 * button). Every other one answers 404: each would need its own throttle or rule (changing or
 * verifying a password hashes on demand, listing sessions answers the tokens the httpOnly cookie
 * keeps from scripts, revoking sessions closes no open socket), and the server calls better-auth
 * directly, not over HTTP.
 */
const SERVED_ENDPOINTS = new Set([SIGN_IN, SIGN_OUT]);

/** The better-auth endpoints under /api/auth, with our throttling, CSRF and cookie rules. */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const handle = getDb();
  const auth = getAuth(handle);
  if (request.method !== 'GET' && !isSameOriginRequest(request.headers, request.url)) {
    return json(403, { code: 'CROSS_SITE', message: 'Cross-site request refused.' });
  }
  const refused = await refuseAuthRequest(request);
  if (refused) return refused;
  const endpoint = `${request.method} ${new URL(request.url).pathname}`;
  if (!SERVED_ENDPOINTS.has(endpoint)) return json(404, { code: 'NOT_FOUND', message: 'No such endpoint.' });
  const response = endpoint === SIGN_IN ? await signIn(request, auth.handler) : await signOut(request, auth);
  return isHttpsRequest(request.headers, request.url) ? withSecureCookies(response) : response;
}
