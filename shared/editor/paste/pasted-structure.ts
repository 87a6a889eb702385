import { Fragment, Slice, type Node as ProseMirrorNode, type ResolvedPos, type Schema } from '@tiptap/pm/model';

/** Blocks that go into a provision as they are. */
const PROVISION_BLOCKS = new Set(['paragraph', 'bulletList', 'orderedList', 'blockquote', 'table']);

function hasHeading(fragment: Fragment): boolean {
  let found = false;
  fragment.descendants((node) => {
    if (node.type.name === 'heading') found = true;
    return !found;
  });
  return found;
}

/** A provision copied from a compact text carries its id: such a paste is already sections and provisions. */
function hasIdentifiedProvision(fragment: Fragment): boolean {
  let found = false;
  fragment.forEach((node) => {
    if (node.type.name === 'provision' && node.attrs.id) found = true;
  });
  return found;
}

/**
 * Pasted blocks as sections and provisions: headings stay headings (a section starts), each
 * paragraph starts a new operative provision, and lists, tables and quotes join the provision of
 * the paragraph before them (as "The parties agree to: (a)… (b)…" does in a draft).
 */
export function asSectionsAndProvisions(content: Fragment, schema: Schema): Fragment {
  const out: ProseMirrorNode[] = [];
  let current: ProseMirrorNode[] = [];
  const flush = () => {
    if (current.length > 0) out.push(schema.nodes.provision!.create({ kind: 'operative', state: 'open' }, current));
    current = [];
  };
  let inline: ProseMirrorNode[] = [];
  const flushInline = () => {
    if (inline.length > 0) place(schema.nodes.paragraph!.create(null, inline));
    inline = [];
  };
  const place = (node: ProseMirrorNode) => {
    if (node.isInline) return void inline.push(node);
    flushInline();
    if (node.type.name === 'heading') {
      flush();
      out.push(node);
    } else if (node.type.name === 'paragraph') {
      flush();
      current.push(node);
    } else if (PROVISION_BLOCKS.has(node.type.name)) {
      current.push(node);
    } else {
      node.forEach(place); // a wrapper (a provision the parser made, an option): its blocks count one by one
    }
  };
  content.forEach(place);
  flushInline();
  flush();
  return Fragment.from(out);
}

/** The fragment with every heading turned into a paragraph of bold text. */
export function headingsAsBoldText(content: Fragment, schema: Schema): Fragment {
  const bold = schema.marks.bold!;
  const nodes: ProseMirrorNode[] = [];
  content.forEach((node) => {
    if (node.type.name === 'heading') {
      const texts: ProseMirrorNode[] = [];
      node.forEach((child) => texts.push(child.isText ? child.mark(bold.create().addToSet(child.marks)) : child));
      nodes.push(schema.nodes.paragraph!.create(null, texts));
    } else if (node.isText || node.isLeaf) nodes.push(node);
    else nodes.push(node.copy(headingsAsBoldText(node.content, schema)));
  });
  return Fragment.from(nodes);
}

/**
 * What a paste holding headings becomes where it lands. Only at a place where a section can
 * start — in a heading, or in a paragraph directly inside a provision — do headings stay
 * headings: the paste is rebuilt as sections and provisions, and the provision at the cursor is
 * split around it (its second half gets a new id). Elsewhere (in a table, an option, a list or a
 * quote) headings become bold paragraphs, and `headingsAsText` says so. A paste without headings,
 * or copied from a compact text (provisions with ids), is left to ProseMirror, which fits pasted
 * paragraphs into the provision at the cursor.
 */
export function fitPastedSlice(
  slice: Slice,
  $from: ResolvedPos,
  schema: Schema,
): { slice: Slice; headingsAsText: boolean } {
  if (!hasHeading(slice.content) || hasIdentifiedProvision(slice.content)) return { slice, headingsAsText: false };
  const top = $from.depth >= 1 ? $from.node(1) : null;
  const sectionMayStart =
    top?.type.name === 'heading' ||
    (top?.type.name === 'provision' && $from.depth === 2 && $from.parent.type.name === 'paragraph');
  if (sectionMayStart)
    return { slice: new Slice(asSectionsAndProvisions(slice.content, schema), 0, 0), headingsAsText: false };
  return {
    slice: new Slice(headingsAsBoldText(slice.content, schema), slice.openStart, slice.openEnd),
    headingsAsText: true,
  };
}

/**
 * Where sections and provisions pasted at a collapsed cursor go, so a provision is split only
 * when the cursor is inside its text: in place of an empty provision; before the provision (or
 * heading) when the cursor is at its start; after it at its end. null: replace the selection
 * (the provision is split there, its second half gets a new id).
 */
export function sectionInsertRange($from: ResolvedPos): { from: number; to: number } | null {
  if ($from.depth < 1) return null;
  const top = $from.node(1);
  const [before, after] = [$from.before(1), $from.after(1)];
  if (top.type.name === 'provision' && top.childCount === 1 && top.textContent === '')
    return { from: before, to: after };
  const block = $from.depth === 1 ? top : $from.node(2);
  const firstBlock = $from.depth === 1 || $from.index(1) === 0;
  const lastBlock = $from.depth === 1 || $from.index(1) === top.childCount - 1;
  if ($from.parent !== block) return null;
  if (firstBlock && $from.parentOffset === 0) return { from: before, to: before };
  if (lastBlock && $from.parentOffset === $from.parent.content.size) return { from: after, to: after };
  return null;
}
