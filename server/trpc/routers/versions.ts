import 'server-only';
import { z } from 'zod';
import { compareVersions } from '@/server/services/history/compare-versions';
import { restoreVersion } from '@/server/services/versions/restore-version';
import { createNamedVersion } from '@/server/services/versions/named-versions';
import { getVersion, listVersions } from '@/server/services/versions/version-list';
import { MAX_VERSIONS_PER_PAGE, VERSION_KINDS, versionLabelSchema } from '@/shared/history/version-rules';
import { heavyCompactProcedure } from '../heavy-calls';
import { compactProcedure, router } from '../init';

/** The versions of a compact's text: automatic ones and those its admins and negotiators name. */
export const versionsRouter = router({
  /** One page of versions, newest first, without their text (continue with `before: nextBefore`). */
  list: compactProcedure('read')
    .input(
      z.object({
        before: z.number().int().min(1).optional(),
        kind: z.enum(VERSION_KINDS).optional(),
        limit: z.number().int().min(1).max(MAX_VERSIONS_PER_PAGE).optional(),
      }),
    )
    .query(({ ctx, input }) => listVersions(ctx.handle.db, input.compactId, input)),
  /** One version with its text. */
  get: compactProcedure('read')
    .input(z.object({ versionId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getVersion(ctx.handle.db, input.compactId, input.versionId)),
  /** Names the text as stored now (it is rebuilt and rendered from the update log: a heavy call, in turns). */
  create: heavyCompactProcedure('nameVersion')
    .input(versionLabelSchema)
    .mutation(({ ctx, input }) => createNamedVersion(ctx.handle.db, ctx.member, input)),
  /**
   * A redline between two versions (or a version and the text as stored now, without `toVersionId`),
   * each change credited to its party and person from the update log: rebuilt on the server, in turns.
   */
  compare: heavyCompactProcedure('read')
    .input(z.object({ fromVersionId: z.string().min(1).max(64), toVersionId: z.string().min(1).max(64).optional() }))
    .query(({ ctx, input }) =>
      compareVersions(ctx.handle, input.compactId, input.fromVersionId, input.toVersionId ?? null),
    ),
  /** Restores a version: a new forward edit by the administrator restoring, through the server write path. */
  restore: heavyCompactProcedure('restoreVersion')
    .input(z.object({ versionId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => restoreVersion(ctx.handle, ctx.member, input)),
});
