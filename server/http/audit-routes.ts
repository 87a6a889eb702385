import 'server-only';
import { isSameOriginRequest } from '../auth/request-origin';
import { may } from '../policies/role-actions';
import { DomainError } from '../services/domain-error';
import { exportAuditChain } from '../services/audit-export';
import { failedRoute, routeMember } from './compact-routes';

/**
 * GET /api/compacts/:compactId/audit-log: the compact's audit chain as JSON Lines (admins and
 * reviewers). The head hash it ends with is in `X-Audit-Head` and recorded as an `audit.exported`
 * event; `npm run audit:verify -- <file>` checks a file offline.
 */
export async function downloadAuditLog(request: Request, compactId: string): Promise<Response> {
  try {
    // Each export is recorded: another site must not make a signed-in reviewer's browser export.
    if (!isSameOriginRequest(request.headers, request.url))
      throw new DomainError('FORBIDDEN', { key: 'errors.exportRoutes.crossSiteRequestRefused' });
    const { handle, asMember } = await routeMember(request, compactId);
    if (!may(asMember, 'viewAudit'))
      throw new DomainError('FORBIDDEN', { key: 'errors.auditRoutes.onlyAdministratorsReviewersRead' });
    const exported = exportAuditChain(handle, asMember, compactId);
    const pages = exported.lines();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Response(body, {
      headers: {
        'content-type': 'application/jsonl; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${compactId}.jsonl"`,
        'x-audit-head': exported.head,
        'x-audit-events': String(exported.events),
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return failedRoute(error, request);
  }
}
