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

/** Cookies are `Secure` exactly when the browser talks to us over https. */
function withSecureCookies(response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (cookies.length === 0) return response;
  const headers = new Headers(response.headers);
  headers.delete('set-cookie');
  for (const cookie of cookies) headers.append('set-cookie', /;\s*secure/i.test(cookie) ? cookie : `${cookie}; Secure`);
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

/** The better-auth endpoints under /api/auth, with our throttling, CSRF and cookie rules. */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const handle = getDb();
  const auth = getAuth(handle);
  const path = new URL(request.url).pathname;
  if (request.method !== 'GET' && !isSameOriginRequest(request.headers, request.url)) {
    return json(403, { code: 'CROSS_SITE', message: 'Cross-site request refused.' });
  }
  const refused = await refuseAuthRequest(request);
  if (refused) return refused;
  let response: Response;
  if (request.method === 'POST' && path.endsWith('/sign-in/email')) {
    response = await signIn(request, auth.handler);
  } else if (request.method === 'POST' && path.endsWith('/sign-out')) {
    const current = await auth.api.getSession({ headers: request.headers });
    response = await auth.handler(request);
    if (current) publishAccessChange({ type: 'session-ended', sessionToken: current.session.token });
  } else {
    response = await auth.handler(request);
  }
  return isHttpsRequest(request.headers, request.url) ? withSecureCookies(response) : response;
}
