import 'server-only';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import type { DbHandle } from '@/db/client';
import { resolveActor, type Actor } from '../auth/actor';
import { clientAddress } from '../auth/request-origin';
import { findMembership } from '../services/compacts';
import { DomainError, ProblemError } from '../services/domain-error';
import { compactMember } from '@/server/policies/compact-member';
import { may, type CompactAction } from '@/server/policies/role-actions';
import { archivedRefusal } from '@/server/policies/archive-policy';
import type { AppLocale } from '@/i18n/locales';
import type { Problem } from '@/i18n/types';
import { localeOfRequest } from '../i18n/request-locale';
import { CsvImportRejected } from './csv-import-rejected';
import { localisedError } from './error-shape';
import { RetryLater } from './too-many-requests';

export interface Context {
  handle: DbHandle;
  actor: Actor | null;
  /** The address public procedures are throttled by (see request-origin.ts). */
  clientAddress: string;
  /** The request as received (headers, URL when served over HTTP) and the headers its response will carry. */
  http: HttpExchange;
  /** The language the answer is read in (see server/i18n/request-locale.ts). */
  locale: AppLocale;
}

export interface HttpExchange {
  headers: Headers;
  url?: string;
  /** Headers added to the response (a session cookie set by a procedure); discarded for server callers. */
  resHeaders: Headers;
}

export async function createContext(
  handle: DbHandle,
  headers: Headers,
  http: Omit<HttpExchange, 'headers'> = { resHeaders: new Headers() },
): Promise<Context> {
  const actor = await resolveActor(handle, headers);
  return {
    handle,
    actor,
    clientAddress: clientAddress(headers),
    http: { ...http, headers },
    locale: localeOfRequest(actor, headers),
  };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const retryAfterSeconds = error.cause instanceof RetryLater ? error.cause.retryAfterSeconds : undefined;
    const csvErrors = error.cause instanceof CsvImportRejected ? error.cause.errors : undefined;
    const { message, problem, zodIssues } = localisedError(error, shape.message, ctx?.locale ?? 'en');
    return {
      ...shape,
      message,
      data: { ...shape.data, stack: undefined, problem, zodIssues, retryAfterSeconds, csvErrors },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A refusal of the tRPC layer itself: its message is English, its problem is answered in the reader's language. */
function refused(code: TRPCError['code'], problem: Problem): TRPCError {
  const cause = new ProblemError(problem);
  return new TRPCError({ code, message: cause.message, cause });
}

/** Maps a DomainError thrown by a service to the TRPCError with the same code. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw new TRPCError({
      code: result.error.cause.code,
      message: result.error.cause.message,
      cause: result.error.cause,
    });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw refused('UNAUTHORIZED', { key: 'errors.pleaseSignIn' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

export const instanceAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.actor.isInstanceAdmin) throw refused('FORBIDDEN', { key: 'errors.instanceAdminsOnly' });
  return next();
});

export const compactIdInput = z.object({ compactId: z.string().min(1).max(64) });

/**
 * The caller's membership of the compact, as `compactProcedure` checks it for `action`: NOT_FOUND
 * for non-members, FORBIDDEN for a role that may not, FORBIDDEN (saying so) for a mutation on an
 * archived compact. Returns the membership and the member as policies see them.
 */
export function checkedMember(ctx: Context & { actor: Actor }, compactId: string, action: CompactAction, type: string) {
  const membership = findMembership(ctx.handle.db, compactId, ctx.actor.userId);
  if (!membership) throw refused('NOT_FOUND', { key: 'errors.compacts.noSuchCompact' });
  // The role decides here; whether an archived compact allows it is the mutation check below (a query still answers).
  if (!may({ role: membership.role }, action)) {
    throw refused('FORBIDDEN', { key: 'errors.roleMayNot', args: { role: membership.role } });
  }
  const archived = type === 'mutation' ? archivedRefusal(membership) : null;
  if (archived) throw refused('FORBIDDEN', archived);
  return { membership, member: compactMember(ctx.actor, membership) };
}

/**
 * A procedure on one compact, allowed to the members the policy lets take `action`
 * (server/policies/role-actions.ts). Non-members get NOT_FOUND (the compact's existence is not
 * revealed); members whose role does not allow the action get FORBIDDEN. On an archived compact
 * every mutation is refused (FORBIDDEN, saying it is archived) whatever the action: queries still
 * answer. The context carries the membership and the member as policies see them.
 */
export function compactProcedure(action: CompactAction) {
  return authedProcedure
    .input(compactIdInput)
    .use(({ ctx, input, type, next }) =>
      next({ ctx: { ...ctx, ...checkedMember(ctx, input.compactId, action, type) } }),
    );
}
