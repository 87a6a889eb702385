import 'server-only';
import { z } from 'zod';
import { multilineText } from '@/shared/unsafe-characters';
import { MAX_BULK_VALIDATIONS, VALIDATION_NOTE_MAX } from '@/shared/framework/progress-rules';
import { validateMany } from '@/server/services/framework/bulk-validation';
import { validationQueue } from '@/server/services/framework/validation-queue';
import { heavyAuthedProcedure } from '../heavy-calls';
import { router } from '../init';
import { id } from '../schemas/framework';

/**
 * The validator's queue across compacts. Not scoped to one compact: the service asks the policy
 * for every compact involved (single decisions and returns stay on `progress.validate` / `progress.return`).
 */
export const validationRouter = router({
  /** Every submission awaiting a decision where the caller validates, oldest first. */
  queue: heavyAuthedProcedure.query(({ ctx }) => validationQueue(ctx.handle.db, ctx.actor)),
  /** Validates the selected submissions with one optional note: all or nothing. */
  validateMany: heavyAuthedProcedure
    .input(
      z.object({
        updateIds: z.array(id).min(1).max(MAX_BULK_VALIDATIONS),
        note: multilineText(0, VALIDATION_NOTE_MAX).default(''),
      }),
    )
    .mutation(({ ctx, input }) => validateMany(ctx.handle.db, ctx.actor, input)),
});
