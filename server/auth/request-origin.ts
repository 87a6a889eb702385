import 'server-only';
import net from 'node:net';
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

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a trailing dotted IPv4 part converted). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((group) => parseInt(group, 16)));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * What throttles count against for an address: an IPv4 address itself (also when it arrives
 * IPv4-mapped, `::ffff:a.b.c.d`), and for IPv6 its /64 network, since whoever holds one network
 * picks freely among its 2^64 addresses.
 */
export function throttledNetwork(address: string): string {
  const bare = address.split('%', 1)[0] ?? '';
  if (!net.isIPv6(bare)) return address;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The address (an IPv4 address or an IPv6 /64 network) that sign-in and token-link throttling count against. */
export function clientAddress(headers: Headers): string {
  if (config.trustProxy) {
    // The right-most entry is the one our proxy added; anything left of it the client could write.
    const forwarded = headers.get('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return throttledNetwork(forwarded);
  }
  return throttledNetwork(headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown');
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
