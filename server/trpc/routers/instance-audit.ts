import 'server-only';
import { z } from 'zod';
import { auditFacets } from '@/server/services/audit-facets';
import { chainStatus } from '@/server/services/audit-chain-status';
import { listAuditEvents } from '@/server/services/audit-query';
import { auditEventsInput } from '../schemas/audit';
import { instanceAdminProcedure, router } from '../init';

/**
 * The instance's own audit chain (parties created, accounts and administrators — events outside
 * any compact), for instance administrators: the same screen as a compact's.
 */
export const instanceAuditRouter = router({
  events: instanceAdminProcedure
    .input(auditEventsInput)
    .query(({ ctx, input: { before, limit, ...filters } }) =>
      listAuditEvents(ctx.handle.db, null, filters, { before, limit }),
    ),
  facets: instanceAdminProcedure.query(({ ctx }) => auditFacets(ctx.handle.sqlite, null)),
  status: instanceAdminProcedure
    .input(z.object({ recheck: z.boolean().optional() }))
    .query(({ ctx, input }) => chainStatus(ctx.handle, null, { recheck: input.recheck })),
});
