import { createCallerFactory, router } from './init';
import { accountRouter } from './routers/account';
import { compactsRouter } from './routers/compacts';
import { membersRouter } from './routers/members';
import { partiesRouter } from './routers/parties';

export const appRouter = router({
  account: accountRouter,
  parties: partiesRouter,
  compacts: compactsRouter,
  members: membersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
