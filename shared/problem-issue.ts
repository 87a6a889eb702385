import type { z } from 'zod';
import type { Problem } from '@/i18n/types';

/**
 * Reports a shared rule's problem as a zod issue: the problem rides in its params, so the API
 * answers it as `data.zodIssues[].problem` in the reader's language (the server's zod error map
 * gives the issue its English message, see server/trpc/error-shape.ts).
 */
export function addProblemIssue(ctx: z.RefinementCtx, problem: Problem, path?: PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', params: { problem }, ...(path ? { path } : {}) });
}
