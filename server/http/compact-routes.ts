import 'server-only';
import type { AppLocale } from '@/i18n/locales';
import type { Problem } from '@/i18n/types';
import { getDb } from '@/db/client';
import { resolveActor } from '../auth/actor';
import { localeOfRequest } from '../i18n/request-locale';
import { compactMember } from '../policies/compact-member';
import { findMembership } from '../services/compacts';
import { DomainError } from '../services/domain-error';
import { problemAnswer } from '../trpc/error-shape';

const STATUS: Record<DomainError['code'], number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** The language of a request whose asker is known (see routeMember): the account's choice wins, as on pages. */
const askerLocales = new WeakMap<Request, AppLocale>();

/**
 * A refusal as a route answers it, in the request's language (the account's choice once the asker
 * is known, else the language cookie, else the browser's): `message` for whoever reads the JSON,
 * `problem` for a page's own translator.
 */
export function refusalResponse(
  request: Request,
  status: number,
  problem: Problem,
  extra: { code?: string; headers?: HeadersInit } = {},
): Response {
  const answer = problemAnswer(problem, askerLocales.get(request) ?? localeOfRequest(null, request.headers));
  return Response.json(
    { ...(extra.code ? { code: extra.code } : {}), ...answer },
    { status, ...(extra.headers ? { headers: extra.headers } : {}) },
  );
}

/** The answer to a failed compact route: a domain error as itself, anything else as a generic 500 (logged). */
export function failedRoute(error: unknown, request: Request): Response {
  if (error instanceof DomainError)
    return refusalResponse(request, STATUS[error.code], error.problem, { code: error.code });
  console.error(error);
  return refusalResponse(request, 500, { key: 'errors.internal' });
}

/**
 * Who is asking, the language they read, and their membership of the compact (non-members get 404:
 * nothing is revealed).
 */
export async function routeMember(request: Request, compactId: string) {
  const handle = getDb();
  const actor = await resolveActor(handle, request.headers);
  if (!actor) throw new DomainError('UNAUTHORIZED', { key: 'errors.pleaseSignIn' });
  const locale = localeOfRequest(actor, request.headers);
  askerLocales.set(request, locale);
  const membership = findMembership(handle.db, compactId, actor.userId);
  if (!membership) throw new DomainError('NOT_FOUND', { key: 'errors.compacts.noSuchCompact' });
  return { handle, actor, locale, membership, asMember: compactMember(actor, membership) };
}
