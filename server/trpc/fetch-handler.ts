import 'server-only';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '@/db/client';
import { isSameOriginRequest } from '../auth/request-origin';
import { config } from '../config';
import { createContext } from './init';
import { appRouter } from './root';
import { retryAfterSecondsOf } from './too-many-requests';

/**
 * Serves /api/trpc; state-changing calls from another site are refused (CSRF). A batch of more
 * than `trpcMaxBatchSize` calls is refused with 400 before any of them runs.
 */
export function handleTrpcRequest(req: Request): Promise<Response> | Response {
  if (req.method !== 'GET' && !isSameOriginRequest(req.headers, req.url)) {
    return Response.json({ error: { message: 'Cross-site request refused.' } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    maxBatchSize: config.trpcMaxBatchSize,
    createContext: ({ resHeaders }) => createContext(getDb(), req.headers, { url: req.url, resHeaders }),
    responseMeta: ({ errors }) => {
      const retryAfter = retryAfterSecondsOf(errors);
      return retryAfter > 0 ? { headers: { 'retry-after': String(retryAfter) } } : {};
    },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? ''}:`, error.cause ?? error);
    },
  });
}
