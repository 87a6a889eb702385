import 'server-only';
import type { Problem } from '@/i18n/types';
import { getDb } from '@/db/client';
import { resolveActor } from '../auth/actor';
import { compactMember } from '../policies/compact-member';
import { findMembership } from '../services/compacts';
import { DomainError } from '../services/domain-error';

const STATUS: Record<DomainError['code'], number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** The answer to a failed compact route: a domain error as itself, anything else as a generic 500. */
export function failedRoute(error: unknown): Response {
  if (error instanceof DomainError)
    return Response.json(
      { code: error.code, message: error.message, problem: error.problem },
      { status: STATUS[error.code] },
    );
  console.error(error);
  return Response.json(
    { message: 'Something went wrong.', problem: { key: 'errors.unknown' } satisfies Problem },
    { status: 500 },
  );
}

/** Who is asking, and their membership of the compact (non-members get 404: nothing is revealed). */
export async function routeMember(request: Request, compactId: string) {
  const handle = getDb();
  const actor = await resolveActor(handle, request.headers);
  if (!actor) throw new DomainError('UNAUTHORIZED', { key: 'errors.pleaseSignIn' });
  const membership = findMembership(handle.db, compactId, actor.userId);
  if (!membership) throw new DomainError('NOT_FOUND', { key: 'errors.compacts.noSuchCompact' });
  return { handle, actor, membership, asMember: compactMember(actor, membership) };
}
