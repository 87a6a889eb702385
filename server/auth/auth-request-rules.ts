import 'server-only';

/**
 * Rules every /api/auth request meets before better-auth sees it:
 * - request bodies are JSON (better-auth would also read form and multipart bodies, which our
 *   per-account sign-in throttle does not parse: one encoding, counted every time);
 * - links to go to afterwards (`callbackURL` and friends, in the query or the body) are paths on
 *   this site, so no sign-in or reset can redirect a browser elsewhere.
 */
const REDIRECT_PARAMS = ['callbackURL', 'redirectTo', 'errorCallbackURL', 'newUserCallbackURL'] as const;
const PLACEHOLDER_ORIGIN = 'http://same-origin.invalid';

function refusal(status: number, code: string, message: string): Response {
  return Response.json({ code, message }, { status });
}

/** A path on this origin: `/…`, never `//host`, `/\\host`, a backslash, whitespace or control characters, even once decoded. */
export function isSameOriginPath(value: string): boolean {
  const pathShape = (s: string) => /^\/(?![/\\])/.test(s) && !s.includes('\\');
  // Control characters are exactly what this refuses.
  // eslint-disable-next-line no-control-regex
  if (value.length > 2048 || !pathShape(value) || /[\s\u0000-\u001f\u007f]/.test(value)) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return false;
  }
  return pathShape(decoded) && new URL(value, PLACEHOLDER_ORIGIN).origin === PLACEHOLDER_ORIGIN;
}

function mediaType(request: Request): string | null {
  const header = request.headers.get('content-type');
  return header === null ? null : (header.split(';', 1)[0] ?? '').trim().toLowerCase();
}

function badRedirect(values: Iterable<unknown>): boolean {
  for (const value of values)
    if (value !== undefined && (typeof value !== 'string' || !isSameOriginPath(value))) return true;
  return false;
}

/** The refusal for an /api/auth request that breaks these rules, or null when it may go ahead. */
export async function refuseAuthRequest(request: Request): Promise<Response | null> {
  const type = mediaType(request);
  if (request.method === 'POST' && type !== null && type !== 'application/json') {
    return refusal(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send this request as JSON.');
  }
  const query = new URL(request.url).searchParams;
  const body =
    type === 'application/json'
      ? ((await request
          .clone()
          .json()
          .catch(() => null)) as Record<string, unknown> | null)
      : null;
  const fromBody = body && typeof body === 'object' ? REDIRECT_PARAMS.map((name) => body[name]) : [];
  if (badRedirect(REDIRECT_PARAMS.flatMap((name) => query.getAll(name))) || badRedirect(fromBody)) {
    return refusal(400, 'INVALID_CALLBACK_URL', 'Links to go to afterwards must be paths on this site.');
  }
  return null;
}
