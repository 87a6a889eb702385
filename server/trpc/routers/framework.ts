import 'server-only';
import { z } from 'zod';
import { exportFrameworkCsv, importFrameworkCsv } from '@/server/services/framework/framework-csv';
import { frameworkView } from '@/server/services/framework/framework-view';
import { exportProgressCsv, importProgressCsv } from '@/server/services/framework/progress-csv';
import { configureFramework, listPeriods } from '@/server/services/framework/periods';
import { compactProcedure, router } from '../init';
import { importedOrRejected } from '../csv-import-rejected';
import { heavyCompactProcedure } from '../heavy-calls';
import { frameworkConfiguration } from '../schemas/framework';

const csvExport = z.object({ separator: z.enum([',', ';']).default(',') });
// The size bound (CSV_MAX_CHARS) is checked by the parser, which reports it as an import error.
const csvImport = z.object({ csv: z.string().min(1) });

export const frameworkRouter = router({
  /** Indicators grouped by section with computed statuses, roll-ups and the viewer's tasks. */
  view: heavyCompactProcedure('read').query(({ ctx, input }) =>
    frameworkView(ctx.handle.db, input.compactId, ctx.member),
  ),
  /** The reporting periods, oldest first. */
  periods: compactProcedure('read').query(({ ctx, input }) => listPeriods(ctx.handle.db, input.compactId)),
  configure: compactProcedure('manageFramework')
    .input(frameworkConfiguration)
    .mutation(({ ctx, input }) => configureFramework(ctx.handle.db, ctx.member, input.compactId, input)),
  exportFrameworkCsv: heavyCompactProcedure('read')
    .input(csvExport)
    .query(({ ctx, input }) => exportFrameworkCsv(ctx.handle.db, input.compactId, input.separator)),
  exportProgressCsv: heavyCompactProcedure('read')
    .input(csvExport)
    .query(({ ctx, input }) => exportProgressCsv(ctx.handle.db, input.compactId, input.separator)),
  importFrameworkCsv: heavyCompactProcedure('manageFramework')
    .input(csvImport)
    .mutation(({ ctx, input }) =>
      importedOrRejected(importFrameworkCsv(ctx.handle.db, ctx.member, input.compactId, input.csv)),
    ),
  importProgressCsv: heavyCompactProcedure('reportProgress')
    .input(csvImport)
    .mutation(({ ctx, input }) =>
      importedOrRejected(importProgressCsv(ctx.handle.db, ctx.member, input.compactId, input.csv)),
    ),
});
