import { Node } from '@tiptap/core';

/**
 * The compact's document: sections (headings) and provisions, nothing else at the top level.
 * A provision comes first in the expression so an empty document fills with one provision.
 */
export const CompactDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: '(provision | heading)+',
});
