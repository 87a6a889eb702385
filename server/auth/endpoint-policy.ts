import 'server-only';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { DEMO_PASSWORD } from '../services/demo-accounts';
import { isHttpsRequest } from './request-origin';

export const DEMO_PASSWORD_REFUSED =
  'The published demo password is not accepted on a deployment served over https. Ask an administrator for a password-reset link.';

/**
 * Runs before every better-auth endpoint, over HTTP or called on the server:
 * - `/update-user` is refused (also listed in disabledPaths): nobody renames themselves;
 * - signing in with the published demo password over https is refused, so a demo account left
 *   in a real deployment cannot be used.
 */
export const authEndpointPolicy = createAuthMiddleware(async (ctx) => {
  if (ctx.path === '/update-user') {
    throw new APIError('FORBIDDEN', { message: 'Display names are set by administrators.' });
  }
  if (ctx.path !== '/sign-in/email') return;
  const body: unknown = ctx.body;
  const password = body && typeof body === 'object' && 'password' in body ? body.password : undefined;
  if (password === DEMO_PASSWORD && isHttpsRequest(ctx.headers ?? new Headers(), ctx.request?.url)) {
    throw new APIError('FORBIDDEN', { code: 'DEMO_PASSWORD_REFUSED', message: DEMO_PASSWORD_REFUSED });
  }
});
