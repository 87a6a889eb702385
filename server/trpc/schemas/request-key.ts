import 'server-only';
import { z } from 'zod';

/** A create form's key for one submission (a UUID the browser makes): the same key again creates nothing new. */
export const requestKey = z.string().uuid().optional();
