import 'server-only';
import { z } from 'zod';
import { auditFacets } from '@/server/services/audit-facets';
import { chainStatus } from '@/server/services/audit-chain-status';
import { locateHead, publishedHeads } from '@/server/services/audit-heads';
import { listAuditEvents } from '@/server/services/audit-query';
import { auditEventsInput, headHashInput } from '../schemas/audit';
import { compactProcedure, router } from '../init';
import { heavyCompactProcedure } from '../heavy-calls';

/** The audit screen (administrators and reviewers): the compact's chain, filtered, verified, and its published heads. */
export const auditRouter = router({
  /** Events newest first, filtered by actor, party, action, entity and time, a page at a time. */
  events: compactProcedure('viewAudit')
    .input(auditEventsInput)
    .query(({ ctx, input: { compactId, before, limit, ...filters } }) =>
      listAuditEvents(ctx.handle.db, compactId, filters, { before, limit }),
    ),
  /** The actions, entity types, actors and parties that occur in the chain (the filters' choices). */
  facets: heavyCompactProcedure('viewAudit').query(({ ctx, input }) => auditFacets(ctx.handle.sqlite, input.compactId)),
  /** Whether the whole chain verifies against the stored rows, or the first event where it breaks (checked in a worker). */
  status: heavyCompactProcedure('viewAudit')
    .input(z.object({ recheck: z.boolean().optional() }))
    .query(({ ctx, input }) => chainStatus(ctx.handle, input.compactId, { recheck: input.recheck })),
  /** The head hashes the chain has published (each export's), newest first. */
  heads: compactProcedure('viewAudit').query(({ ctx, input }) => publishedHeads(ctx.handle.sqlite, input.compactId)),
  /** Whether a head hash someone kept is still in the chain, and where. */
  locateHead: compactProcedure('viewAudit')
    .input(headHashInput)
    .query(({ ctx, input }) => locateHead(ctx.handle.sqlite, input.compactId, input.hash)),
});
