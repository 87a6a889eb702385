import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '@/db/client';
import { account, session, user, verification } from '@/db/schema/auth';
import { authSecret, config } from '../config';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../services/password-rules';
import { authEndpointPolicy } from './endpoint-policy';
import { CLIENT_ADDRESS_HEADER, requestOrigin } from './request-origin';

export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;
export { MIN_PASSWORD_LENGTH };

/**
 * better-auth endpoints we do not offer. `/update-user` would let anyone rename themselves (to a
 * colleague's name, or to megabytes): display names are set at invitation and by administrators.
 */
export const DISABLED_AUTH_PATHS = ['/update-user', '/change-email', '/delete-user'];

/** better-auth's own log lines, less its start-up warning that no base URL is set (deliberate, see below). */
function logWithoutBaseUrlWarning(level: 'debug' | 'info' | 'warn' | 'error', message: string, ...args: unknown[]) {
  if (message.includes('Base URL is not set')) return;
  console[level](`[Better Auth]: ${message}`, ...args);
}

function buildAuth(handle: DbHandle) {
  return betterAuth({
    secret: authSecret(handle.path),
    // No base URL (unless BETTER_AUTH_URL is set): each request's own origin is the base URL and
    // the only trusted origin, so LAN addresses and proxies work while better-auth's origin and
    // callback checks stay on (a wildcard `allowedHosts` would trust every host).
    basePath: '/api/auth',
    trustedOrigins: (request) => (request ? [requestOrigin(request.headers, request.url)] : []),
    logger: { log: logWithoutBaseUrlWarning },
    database: drizzleAdapter(handle.db, {
      provider: 'sqlite',
      schema: { user, session, account, verification },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    disabledPaths: DISABLED_AUTH_PATHS,
    hooks: { before: authEndpointPolicy },
    user: {
      additionalFields: {
        isInstanceAdmin: { type: 'boolean', required: false, defaultValue: false, input: false },
        deactivatedAt: { type: 'date', required: false, input: false },
        locale: { type: 'string', required: false, input: false },
      },
    },
    session: { expiresIn: SESSION_TTL_SECONDS, updateAge: 24 * 60 * 60 },
    // Sign-in throttling is ours (per account and address, stored in SQLite): see sign-in-throttle.ts.
    rateLimit: { enabled: false },
    advanced: {
      // `Secure` is added per request in auth-route.ts, only when the request came over https.
      useSecureCookies: false,
      trustedProxyHeaders: config.trustProxy,
      ipAddress: { ipAddressHeaders: config.trustProxy ? ['x-forwarded-for'] : [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (newSession) => {
            const [row] = handle.db
              .select({ deactivatedAt: user.deactivatedAt })
              .from(user)
              .where(eq(user.id, newSession.userId))
              .all();
            if (!row || row.deactivatedAt) {
              throw new APIError('FORBIDDEN', {
                code: 'ACCOUNT_DEACTIVATED',
                message: 'This account has been deactivated.',
              });
            }
          },
        },
      },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof buildAuth>;

const instances = new WeakMap<DbHandle, Auth>();

/** The better-auth instance bound to a database (one per database handle). */
export function getAuth(handle: DbHandle): Auth {
  let auth = instances.get(handle);
  if (!auth) {
    auth = buildAuth(handle);
    instances.set(handle, auth);
  }
  return auth;
}
