import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

// What the tRPC procedures take and answer: the types pages and client components use for server data.
export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The signed-in person, as `account.me` describes them. */
export type Me = RouterOutputs['account']['me'];
/** One indicator's definition, as `indicators.byId` answers it. */
export type IndicatorRecord = RouterOutputs['indicators']['byId'];
