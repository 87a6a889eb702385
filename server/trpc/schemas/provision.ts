import 'server-only';
import { z } from 'zod';
import { PROVISION_ID_PATTERN } from '@/shared/negotiation/vocabulary';

/** A provision's stable id, as the text stores it. */
export const provisionIdSchema = z.string().regex(PROVISION_ID_PATTERN, 'Not a provision id.');
