import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '../../db/client';
import { isSameOriginRequest } from '../auth/request-origin';
import { createContext } from './init';
import { appRouter } from './root';

/** Serves /api/trpc; state-changing calls from another site are refused (CSRF). */
export function handleTrpcRequest(req: Request): Promise<Response> | Response {
  if (req.method !== 'GET' && !isSameOriginRequest(req.headers, req.url)) {
    return Response.json({ error: { message: 'Cross-site request refused.' } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createContext(getDb(), req.headers),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? ''}:`, error.cause ?? error);
    },
  });
}
