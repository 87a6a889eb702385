import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { compactTextExtensions } from './extensions';

let cachedSchema: Schema | null = null;

/** The ProseMirror schema of compact text (from the one extension list), for the browser and the server alike. */
export function compactTextSchema(): Schema {
  cachedSchema ??= getSchema(compactTextExtensions());
  return cachedSchema;
}
