import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { getDb } from '@/db/client';
import { isSameOriginRequest } from '../auth/request-origin';
import { may } from '../policies/role-actions';
import { archivedRefusal } from '../policies/archive-policy';
import { authorize } from '../policies/authorize';
import { failedRoute, routeMember } from './compact-routes';
import { DomainError } from '../services/domain-error';
import { findEvidence, MAX_EVIDENCE_BYTES, storeEvidence } from '../services/framework/evidence';

/** The largest upload request: one file of MAX_EVIDENCE_BYTES plus its multipart framing (the app server enforces it too). */
export const MAX_EVIDENCE_UPLOAD_BYTES = MAX_EVIDENCE_BYTES + 64 * 1024;

function evidenceDir(): string {
  return path.join(path.dirname(getDb().path), 'evidence');
}

/** POST /api/compacts/:compactId/evidence?updateId=… (multipart, field "file"): monitors of the update's party. */
export async function uploadEvidence(request: Request, compactId: string): Promise<Response> {
  try {
    if (!isSameOriginRequest(request.headers, request.url))
      throw new DomainError('FORBIDDEN', { key: 'errors.exportRoutes.crossSiteRequestRefused' });
    const length = Number(request.headers.get('content-length') ?? Number.NaN);
    if (!Number.isFinite(length))
      throw new DomainError('BAD_REQUEST', { key: 'errors.evidenceRoutes.uploadsNeedContentLength' });
    if (length > MAX_EVIDENCE_UPLOAD_BYTES)
      throw new DomainError('BAD_REQUEST', { key: 'errors.evidence.evidenceFilesAreLimited' });
    const { handle, asMember, membership } = await routeMember(request, compactId);
    authorize(archivedRefusal(membership));
    if (!may(asMember, 'reportProgress'))
      throw new DomainError('FORBIDDEN', { key: 'errors.evidenceRoutes.onlyMonitorsAddEvidence' });
    const updateId = new URL(request.url).searchParams.get('updateId') ?? '';
    const file = (await request.formData()).get('file');
    if (!(file instanceof File))
      throw new DomainError('BAD_REQUEST', { key: 'errors.evidenceRoutes.attachFileFileField' });
    const stored = storeEvidence(
      handle.db,
      asMember,
      compactId,
      updateId,
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      evidenceDir(),
    );
    return Response.json(stored, { status: 201 });
  } catch (error) {
    return failedRoute(error, request);
  }
}

/** GET /api/compacts/:compactId/evidence/:fileId: members of the compact only, always as a download. */
export async function downloadEvidence(request: Request, compactId: string, fileId: string): Promise<Response> {
  try {
    const { handle } = await routeMember(request, compactId);
    const file = findEvidence(handle.db, compactId, fileId, evidenceDir());
    return new Response(fs.readFileSync(file.path), {
      headers: {
        'content-type': file.contentType,
        'content-length': String(file.size),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return failedRoute(error, request);
  }
}
