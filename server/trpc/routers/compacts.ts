import 'server-only';
import { multilineText, singleLineText } from '@/shared/unsafe-characters';
import { z } from 'zod';
import { presenceIdentity } from '@/server/collab/presence-identity';
import { yDocToContent, yDocToPlainText } from '@/server/editor/document-content';
import { createCompact, getCompact, listCompactsOf } from '@/server/services/compacts';
import { archiveCompact, archiveDetails, listAllCompacts, restoreCompact } from '@/server/services/compact-archive';
import { archiveInputSchema } from '@/shared/compacts/archive-rules';
import { versionArchivedText } from '@/server/services/versions/automatic-versions';
import { oncePerRequest } from '@/server/services/request-keys';
import { requestKey } from '../schemas/request-key';
import { loadDoc } from '@/server/services/document-store';
import { compactPermissions } from '@/server/policies/role-actions';
import { setTextLanguage } from '@/server/services/text-language';
import { TEXT_LANGUAGES } from '@/shared/text-languages';
import { heavyCompactProcedure } from '../heavy-calls';
import { authedProcedure, compactProcedure, instanceAdminProcedure, router } from '../init';

export const compactsRouter = router({
  /** The caller's compacts; archived ones only with `includeArchived` ("Show archived"). */
  list: authedProcedure
    .input(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }))
    .query(({ ctx, input }) => listCompactsOf(ctx.handle.db, ctx.actor.userId, input)),
  byId: compactProcedure('read').query(({ ctx, input }) => ({
    ...getCompact(ctx.handle.db, input.compactId),
    myRole: ctx.membership.role,
    mySignatory: ctx.membership.signatory,
    /** The party the viewer represents in this compact. */
    myParty: { id: ctx.membership.partyId, name: ctx.membership.partyName, shortCode: ctx.membership.partyShortCode },
    /** What the viewer may do in this compact, as the policies answer it (only reading once it is archived). */
    can: compactPermissions(ctx.member),
    /** Who archived it, when and why; null while it is active. */
    archive: archiveDetails(ctx.handle.db, input.compactId),
  })),
  /** How the caller appears to others in this compact's editor (name, party, colour). */
  myPresence: compactProcedure('read').query(({ ctx }) => presenceIdentity(ctx.handle.db, ctx.actor, ctx.membership)),
  /** The stored text, rendered on the server (JSON and plain text). */
  text: heavyCompactProcedure('read').query(({ ctx, input }) => {
    const { doc } = loadDoc(ctx.handle.db, input.compactId);
    try {
      return { content: yDocToContent(doc), plainText: yDocToPlainText(doc) };
    } finally {
      doc.destroy();
    }
  }),
  create: instanceAdminProcedure
    .input(
      z.object({
        title: singleLineText(3, 200),
        description: multilineText(0, 2000).default(''),
        /** The party the creator represents in the new compact. */
        partyId: z.string().min(1).max(64),
        /** The language the text will be written in. */
        textLanguage: z.enum(TEXT_LANGUAGES).default('en'),
        requestKey,
      }),
    )
    .mutation(({ ctx, input: { requestKey: key, ...input } }) =>
      oncePerRequest(ctx.handle.db, ctx.actor.userId, key, 'compacts.create', () =>
        createCompact(ctx.handle.db, ctx.actor, input),
      ),
    ),
  /** Sets the language the text is written in (administrators; presentation only: the text is unchanged). */
  setTextLanguage: compactProcedure('configureCompact')
    .input(z.object({ textLanguage: z.enum(TEXT_LANGUAGES) }))
    .mutation(({ ctx, input }) => setTextLanguage(ctx.handle.db, ctx.member, input.compactId, input.textLanguage)),
  /** Every compact of the instance, active and archived (instance administrators). */
  all: instanceAdminProcedure.query(({ ctx }) => listAllCompacts(ctx.handle.db)),
  /** Archives a compact: read only for everyone, hidden from the default list (instance administrators). */
  archive: instanceAdminProcedure.input(archiveInputSchema).mutation(({ ctx, input }) => {
    const archived = archiveCompact(ctx.handle.db, ctx.actor, input);
    versionArchivedText(ctx.handle.db, input.compactId);
    return archived;
  }),
  /** Restores an archived compact: editable again (instance administrators). */
  restore: instanceAdminProcedure
    .input(archiveInputSchema)
    .mutation(({ ctx, input }) => restoreCompact(ctx.handle.db, ctx.actor, input)),
});
