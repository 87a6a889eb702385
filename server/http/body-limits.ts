import 'server-only';
import type http from 'node:http';
import type { Problem } from '@/i18n/types';
import { config } from '../config';
import { localeOfRequest } from '../i18n/request-locale';
import { problemAnswer } from '../trpc/error-shape';
import { MAX_EVIDENCE_UPLOAD_BYTES } from './evidence-routes';

/**
 * Request bodies are capped per route before anyone reads them (the custom server checks every
 * request before Next.js sees it): a declared Content-Length past the cap is answered 413 at
 * once; a chunked body is counted as it arrives and cut off past the cap.
 */
const CSV_IMPORT_PROCEDURES = new Set(['framework.importFrameworkCsv', 'framework.importProgressCsv']);
const EVIDENCE_UPLOAD = /^\/api\/compacts\/[^/]+\/evidence\/?$/;
const TRPC_PREFIX = '/api/trpc/';

function trpcProcedures(pathname: string): string[] {
  try {
    return decodeURIComponent(pathname.slice(TRPC_PREFIX.length)).split(',');
  } catch {
    return [];
  }
}

/** The largest body (bytes) a request to this path may carry. */
export function bodyLimitFor(pathname: string): number {
  if (pathname === '/api/auth' || pathname.startsWith('/api/auth/')) return config.bodyLimitAuthBytes;
  if (pathname.startsWith(TRPC_PREFIX)) {
    // Only a request for one CSV import alone gets the large cap: naming it in a batch gains nothing.
    const procedures = trpcProcedures(pathname);
    const importsCsv = procedures.length === 1 && CSV_IMPORT_PROCEDURES.has(procedures[0]!);
    return importsCsv ? config.bodyLimitCsvImportBytes : config.bodyLimitTrpcBytes;
  }
  if (EVIDENCE_UPLOAD.test(pathname)) return MAX_EVIDENCE_UPLOAD_BYTES;
  return config.bodyLimitOtherBytes;
}

/** What a refused body is told, in the request's language: an evidence file's own limit, else the route's cap. */
function tooLargeAnswer(req: http.IncomingMessage, limit: number) {
  const problem: Problem = EVIDENCE_UPLOAD.test(pathOf(req.url))
    ? { key: 'errors.evidence.evidenceFilesAreLimited' }
    : { key: 'errors.bodyLimits.requestTooLarge', args: { max: limit } };
  const headers = new Headers();
  for (const name of ['cookie', 'accept-language']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return problemAnswer(problem, localeOfRequest(null, headers));
}

/** Answers 413 (when nothing was sent yet) and closes the connection, so the rest of the body is never read. */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse, limit: number): void {
  if (!res.headersSent) {
    res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify(tooLargeAnswer(req, limit)));
    res.once('finish', () => req.destroy());
  } else {
    req.destroy();
  }
}

/**
 * Counts a body without a declared length as Node's HTTP parser hands it over (it `push`es each
 * chunk into the request stream) and stops passing it on past the cap.
 */
function cutOffPastLimit(req: http.IncomingMessage, res: http.ServerResponse, limit: number): void {
  let received = 0;
  const push = req.push.bind(req);
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk) {
      received += chunk.length;
      if (received > limit) {
        req.push = () => false;
        refuseTooLarge(req, res, limit);
        return false;
      }
    }
    return push(chunk, encoding);
  };
}

/** The path of a request target; a target that is not a valid URL (e.g. `//[`) gets the smallest, catch-all cap. */
function pathOf(target: string | undefined): string {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

/** Applies the cap of the request's route; false when the request was refused (already answered). */
export function limitRequestBody(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const limit = bodyLimitFor(pathOf(req.url));
  const declared = req.headers['content-length'];
  if (declared !== undefined) {
    // Node's parser never delivers more than the declared length, so checking it is enough.
    if (Number(declared) <= limit) return true;
    refuseTooLarge(req, res, limit);
    return false;
  }
  if (req.headers['transfer-encoding'] !== undefined) cutOffPastLimit(req, res, limit);
  return true;
}
