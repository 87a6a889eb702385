import 'server-only';
import { compactTextSchema } from '../editor/document-content';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';

/**
 * What a compact's Yjs document may contain, derived from the editor schema (the same
 * extension list the browser uses): names, attributes and value sizes — not tree shape,
 * which honest concurrent merges legitimately break and the editor repairs.
 */
export interface DocumentRules {
  /** Root types (top-level shared types) by name. */
  rootNames: ReadonlySet<string>;
  /** Element node names (y-prosemirror stores text nodes as XmlText, marks as formatting). */
  elementNames: ReadonlySet<string>;
  /** Attribute names any element may carry (the union over node types). */
  attributeNames: ReadonlySet<string>;
  /** Mark names and the attributes each may carry. */
  marks: ReadonlyMap<string, ReadonlySet<string>>;
  /** Marks that may overlap themselves: only these are written under hashed keys (`<mark>--<hash>`). */
  overlappingMarks: ReadonlySet<string>;
  /** Largest JSON size of one attribute or mark value. */
  maxValueBytes: number;
}

export const MAX_ATTRIBUTE_VALUE_BYTES = 4096;

let cached: DocumentRules | null = null;

export function compactDocumentRules(): DocumentRules {
  if (cached) return cached;
  const schema = compactTextSchema();
  const elements = Object.values(schema.nodes).filter((node) => node.name !== schema.topNodeType.name && !node.isText);
  cached = {
    rootNames: new Set([DOCUMENT_FIELD]),
    elementNames: new Set(elements.map((node) => node.name)),
    attributeNames: new Set(elements.flatMap((node) => Object.keys(node.spec.attrs ?? {}))),
    marks: new Map(Object.values(schema.marks).map((mark) => [mark.name, new Set(Object.keys(mark.spec.attrs ?? {}))])),
    overlappingMarks: new Set(
      Object.values(schema.marks)
        .filter((mark) => !mark.excludes(mark))
        .map((mark) => mark.name),
    ),
    maxValueBytes: MAX_ATTRIBUTE_VALUE_BYTES,
  };
  return cached;
}

/** y-prosemirror names overlapping marks `<mark>--<8-character hash>`. */
export function markNameOf(formatKey: string): string {
  const match = /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(formatKey);
  return match ? match[1]! : formatKey;
}
