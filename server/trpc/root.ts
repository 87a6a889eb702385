import 'server-only';
import { createCallerFactory, router } from './init';
import { accountRouter } from './routers/account';
import { commitmentsRouter } from './routers/commitments';
import { frameworkRouter } from './routers/framework';
import { indicatorsRouter } from './routers/indicators';
import { progressRouter } from './routers/progress';
import { compactsRouter } from './routers/compacts';
import { membersRouter } from './routers/members';
import { negotiationRouter } from './routers/negotiation';
import { partiesRouter } from './routers/parties';
import { provisionsRouter } from './routers/provisions';
import { commentsRouter } from './routers/comments';
import { auditRouter } from './routers/audit';
import { instanceAuditRouter } from './routers/instance-audit';
import { versionsRouter } from './routers/versions';
import { signOffsRouter } from './routers/sign-offs';
import { reviewsRouter } from './routers/reviews';
import { notificationsRouter } from './routers/notifications';
import { passwordHelpRouter } from './routers/password-help';
import { validationRouter } from './routers/validation';

export const appRouter = router({
  account: accountRouter,
  parties: partiesRouter,
  compacts: compactsRouter,
  members: membersRouter,
  framework: frameworkRouter,
  commitments: commitmentsRouter,
  indicators: indicatorsRouter,
  progress: progressRouter,
  negotiation: negotiationRouter,
  provisions: provisionsRouter,
  comments: commentsRouter,
  audit: auditRouter,
  instanceAudit: instanceAuditRouter,
  versions: versionsRouter,
  signOffs: signOffsRouter,
  reviews: reviewsRouter,
  notifications: notificationsRouter,
  passwordHelp: passwordHelpRouter,
  validation: validationRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
