import 'server-only';
import { singleLineText } from '@/shared/unsafe-characters';
import { z } from 'zod';
import { PARTY_KINDS } from '@/shared/enums';
import { accountLevel } from '@/server/services/audit';
import { createParty, listParties } from '@/server/services/parties';
import { authedProcedure, instanceAdminProcedure, router } from '../init';

export const partiesRouter = router({
  list: authedProcedure.query(({ ctx }) => listParties(ctx.handle.db)),
  create: instanceAdminProcedure
    .input(
      z.object({
        name: singleLineText(2, 160),
        shortCode: z
          .string()
          .trim()
          .min(2)
          .max(16)
          .regex(/^[A-Za-z0-9-]+$/, 'Letters, digits and dashes only.'),
        kind: z.enum(PARTY_KINDS),
      }),
    )
    .mutation(({ ctx, input }) => createParty(ctx.handle.db, accountLevel(ctx.actor), input)),
});
