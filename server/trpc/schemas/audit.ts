import 'server-only';
import { z } from 'zod';
import { MAX_AUDIT_PAGE } from '@/server/services/audit-query';

const id = z.string().min(1).max(64);

/** The audit screen's filters and page: every field optional and bounded. */
export const auditEventsInput = z.object({
  actorUserId: id.optional(),
  partyId: id.optional(),
  action: z.string().min(1).max(80).optional(),
  entityType: z.string().min(1).max(40).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(MAX_AUDIT_PAGE).optional(),
});

/** A head hash someone kept: 64 hexadecimal digits (any case). */
export const headHashInput = z.object({
  hash: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'A head hash is 64 hexadecimal digits.')
    .transform((hash) => hash.toLowerCase()),
});
