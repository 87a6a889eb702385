import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client';
import { account, session, user, verification } from '../../db/schema/auth';
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

function buildAuth(handle: DbHandle) {
  return betterAuth({
    secret: authSecret(handle.path),
    // No URL fixed at build time: the base URL is the host the request came to.
    baseURL: { allowedHosts: ['*'], protocol: 'auto', fallback: `http://localhost:${config.port}` },
    basePath: '/api/auth',
    trustedOrigins: (request) => (request ? [requestOrigin(request.headers, request.url)] : []),
    database: drizzleAdapter(handle.db, {
      provider: 'sqlite',
      schema: { user, session, account, verification },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH },
    disabledPaths: DISABLED_AUTH_PATHS,
    hooks: { before: authEndpointPolicy },
    user: {
      additionalFields: {
        partyId: { type: 'string', required: true, input: false },
        isInstanceAdmin: { type: 'boolean', required: false, defaultValue: false, input: false },
        deactivatedAt: { type: 'date', required: false, input: false },
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
              throw new APIError('FORBIDDEN', { message: 'This account has been deactivated.' });
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
