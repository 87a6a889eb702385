import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { createContext } from './init';
import { createCaller } from './root';

/** The context of the request being rendered (its session cookie), built once per request. */
const requestContext = cache(async () => createContext(getDb(), await headers()));

/** The language the request is answered in (the context's `locale`), for server components' translations. */
export const requestLocale = async () => (await requestContext()).locale;

/**
 * tRPC for server components: the same procedures, with the same checks, that the browser calls
 * through /api/trpc, as the person whose request is being rendered. Errors are the procedures'
 * own (UNAUTHORIZED, NOT_FOUND…); see app/_lib/server-session.ts for what a page makes of them.
 */
export const serverApi = createCaller(requestContext, {
  onError: ({ error, path }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR')
      console.error(`tRPC (server component) ${path ?? ''}:`, error.cause ?? error);
  },
});
