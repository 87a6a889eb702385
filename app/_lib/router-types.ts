import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

// What the tRPC procedures take and answer: the types pages and client components use for server data.
export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The signed-in person, as `account.me` describes them. */
export type Me = RouterOutputs['account']['me'];
/** What the viewer may do in a compact, as the server's policies answer it (`compacts.byId`). */
export type CompactPermissions = RouterOutputs['compacts']['byId']['can'];
/** One indicator's definition, as `indicators.byId` answers it. */
export type IndicatorRecord = RouterOutputs['indicators']['byId'];
