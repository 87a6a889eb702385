import 'server-only';
import { config } from '../config';

/** Header the custom server sets to the TCP peer address (any client-sent value is replaced). */
export const CLIENT_ADDRESS_HEADER = 'x-compact-client-address';

function firstForwarded(value: string | null): string | null {
  return value ? (value.split(',')[0]?.trim() ?? null) : null;
}

/** True when the browser reached us over https (directly or through a trusted TLS proxy). */
export function isHttpsRequest(headers: Headers, url?: string): boolean {
  if (config.trustProxy && firstForwarded(headers.get('x-forwarded-proto')) === 'https') return true;
  return url ? url.startsWith('https:') : false;
}

/** The origin this request was addressed to, e.g. `http://10.0.0.5:3000`. */
export function requestOrigin(headers: Headers, url?: string): string | null {
  const host = (config.trustProxy && firstForwarded(headers.get('x-forwarded-host'))) || headers.get('host');
  if (!host) return null;
  return `${isHttpsRequest(headers, url) ? 'https' : 'http'}://${host}`;
}

/** The address that sign-in throttling counts against. */
export function clientAddress(headers: Headers): string {
  if (config.trustProxy) {
    // The right-most entry is the one our proxy added; anything left of it the client could write.
    const forwarded = headers.get('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}

/**
 * CSRF guard for state-changing requests: a browser always sends Origin on cross-site POSTs,
 * so a present Origin must be our own.
 */
export function isSameOriginRequest(headers: Headers, url?: string): boolean {
  const origin = headers.get('origin');
  if (!origin) return headers.get('sec-fetch-site') !== 'cross-site';
  return origin === requestOrigin(headers, url);
}
