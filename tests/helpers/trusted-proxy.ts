/** The headers a TLS-terminating proxy in front of the app adds to a browser's request. */
export const TLS_PROXY_HEADERS = {
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'compacts.example.org',
  origin: 'https://compacts.example.org',
};

/** Runs `fn` with TRUST_PROXY on (the app behind a proxy), and turns it off again. */
export async function behindTrustedProxy<T>(fn: () => Promise<T>): Promise<T> {
  process.env.TRUST_PROXY = '1';
  try {
    return await fn();
  } finally {
    delete process.env.TRUST_PROXY;
  }
}

/** The better-auth session cookie a response sets, if any. */
export const sessionCookieOf = (response: Response) =>
  response.headers.getSetCookie().find((cookie) => cookie.includes('session_token'));
