import 'server-only';
import { TRPCError } from '@trpc/server';
import { isSameOriginRequest } from '../auth/request-origin';
import { may } from '../policies/role-actions';
import { DomainError } from '../services/domain-error';
import {
  exportCurrentText,
  TEXT_EXPORT_FORMATS,
  TEXT_EXPORT_VIEWS,
  type ExportedFile,
} from '../services/exports/text-export';
import { PdfUnavailable } from '../services/exports/pdf';
import { REVIEW_PACK_FORMATS, reviewPack } from '../services/exports/review-pack';
import { inTurn } from '../trpc/heavy-calls';
import { RetryLater } from '../trpc/too-many-requests';
import { failedRoute, refusalResponse, routeMember } from './compact-routes';

/** One of `allowed` from the query, or a clear 400 naming the parameter. */
export function choice<T extends string>(url: URL, name: string, allowed: readonly T[]): T {
  const value = url.searchParams.get(name);
  if (value !== null && (allowed as readonly string[]).includes(value)) return value as T;
  throw new DomainError('BAD_REQUEST', {
    key: 'errors.exportRoutes.mustOne',
    args: { name, values: allowed.join(', ') },
  });
}

/** A file as a download: its name in ASCII and in UTF-8 (RFC 6266), never cached. */
export function fileResponse(file: ExportedFile): Response {
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'private, no-store',
    },
  });
}

/** A failed export: PDF printing unavailable is a 503 with its reason; the rest as every compact route. */
export function failedExport(error: unknown, request: Request): Response {
  if (error instanceof PdfUnavailable) return refusalResponse(request, 503, error.problem);
  if (error instanceof TRPCError && error.cause instanceof RetryLater)
    return refusalResponse(request, 429, error.cause.problem, {
      headers: { 'retry-after': String(error.cause.retryAfterSeconds) },
    });
  return failedRoute(error, request);
}

/** An export is audited: another site must not make a signed-in member's browser take one. */
function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request.headers, request.url))
    throw new DomainError('FORBIDDEN', { key: 'errors.exportRoutes.crossSiteRequestRefused' });
}

/**
 * GET /api/compacts/:compactId/text-export?format=md|docx&view=clean|negotiation — the current text
 * as a file, for every member who reads the compact (audited, so from this site's pages only).
 */
export async function downloadTextExport(request: Request, compactId: string): Promise<Response> {
  try {
    assertSameOrigin(request);
    const url = new URL(request.url);
    const format = choice(url, 'format', TEXT_EXPORT_FORMATS);
    const view = choice(url, 'view', TEXT_EXPORT_VIEWS);
    const { handle, locale, asMember } = await routeMember(request, compactId);
    if (!may(asMember, 'read')) throw new DomainError('FORBIDDEN', { key: 'errors.exportRoutes.youMayNotRead' });
    return fileResponse(
      await inTurn(asMember.userId, () => exportCurrentText(handle, asMember, compactId, format, view, locale)),
    );
  } catch (error) {
    return failedExport(error, request);
  }
}

/**
 * GET /api/compacts/:compactId/reviews/:cycleId/pack?format=docx|pdf — a review cycle's pack, for
 * every member who reads the compact, in one of their heavy-call turns (429 beyond them). It
 * publishes the audit chain's head (an audit event), so it must come from this site's own pages.
 */
export async function downloadReviewPack(request: Request, compactId: string, cycleId: string): Promise<Response> {
  try {
    assertSameOrigin(request);
    const format = choice(new URL(request.url), 'format', REVIEW_PACK_FORMATS);
    const { handle, locale, asMember } = await routeMember(request, compactId);
    if (!may(asMember, 'read')) throw new DomainError('FORBIDDEN', { key: 'errors.exportRoutes.youMayNotRead' });
    // A pack renders the redline and prints a file: one of the person's heavy-call turns.
    return fileResponse(
      await inTurn(asMember.userId, () => reviewPack(handle, asMember, compactId, cycleId, format, locale)),
    );
  } catch (error) {
    return failedExport(error, request);
  }
}
