import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';

/** What a table cell holds: running text and lists — no headings, quotes or tables inside tables. */
export const TABLE_CELL_CONTENT = '(paragraph | bulletList | orderedList)+';

/**
 * Tables (e.g. a responsibility matrix) inside a provision: rows of cells with `colspan`,
 * `rowspan` and `colwidth` (kept from pasted tables; columns are not resized in the editor).
 */
export function compactTableExtensions() {
  return [
    Table.configure({ resizable: false, allowTableNodeSelection: false }),
    TableRow,
    TableHeader.extend({ content: TABLE_CELL_CONTENT }),
    TableCell.extend({ content: TABLE_CELL_CONTENT }),
  ];
}
