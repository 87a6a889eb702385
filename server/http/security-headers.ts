import 'server-only';
import type http from 'node:http';

/**
 * Headers on every HTTP response of the app (the custom server sets them before Next.js or a
 * route answers; a route may override one, as evidence downloads do with a sandbox CSP).
 *
 * - script-src allows inline scripts because the Next.js App Router inlines its bootstrap and
 *   flight data in every page; nonces would need every page rendered per request through a
 *   proxy/middleware. Together with `default-src 'self'`, `object-src 'none'` and `base-uri 'self'`
 *   no script from another origin can load.
 * - style-src allows inline styles: Tiptap injects its editor CSS, y-prosemirror positions the
 *   carets and Recharts draws with style attributes.
 * - connect-src lists ws: and wss: besides 'self' for the collaboration WebSocket at /collab/:
 *   older Safari does not match same-host WebSockets with 'self'.
 * - Development adds 'unsafe-eval' (React refresh and Next.js dev tooling evaluate code).
 */
export function contentSecurityPolicy(development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Pages whose URL holds a one-time token: never cached. */
const TOKEN_PAGES = /^\/(invite|reset-password)\//;

export function setSecurityHeaders(req: http.IncomingMessage, res: http.ServerResponse, development: boolean): void {
  res.setHeader('content-security-policy', contentSecurityPolicy(development));
  res.setHeader('x-frame-options', 'DENY');
  // Same-origin pages still see where a visitor came from; other sites never see our URLs
  // (the invitation and reset links carry their token in the path).
  res.setHeader('referrer-policy', 'same-origin');
  res.setHeader('x-content-type-options', 'nosniff');
  if (TOKEN_PAGES.test(req.url ?? '')) res.setHeader('cache-control', 'no-store');
}
