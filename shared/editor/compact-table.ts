import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { Plugin, type Transaction } from '@tiptap/pm/state';
import { tableEditingKey } from '@tiptap/pm/tables';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** What a table cell holds: running text and lists — no headings, quotes or tables inside tables. */
export const TABLE_CELL_CONTENT = '(paragraph | bulletList | orderedList)+';

const fromCollaboration = (tr: Transaction) => tr.getMeta(ySyncPluginKey) !== undefined;

/**
 * prosemirror-tables repairs irregular tables (rows of unequal width) after every transaction.
 * After a change from a collaborator every connected editor would make the same repair at once,
 * and merged together the repairs add a cell per editor: repairs follow local edits only (as
 * provision ids do), and a read-only viewer never writes one.
 */
export function repairsAfterLocalEditsOnly(plugin: Plugin): Plugin {
  const append = plugin.spec.appendTransaction;
  if (!append) return plugin;
  return new Plugin({
    ...plugin.spec,
    appendTransaction: (transactions, oldState, newState) =>
      transactions.every(fromCollaboration) ? null : append.call(plugin, transactions, oldState, newState),
  });
}

/**
 * Tables (e.g. a responsibility matrix) inside a provision: rows of cells with `colspan`,
 * `rowspan` and `colwidth` (kept from pasted tables; columns are not resized in the editor).
 */
export function compactTableExtensions() {
  return [
    Table.extend({
      addProseMirrorPlugins() {
        return (this.parent?.() ?? []).map((plugin) =>
          plugin.spec.key === tableEditingKey ? repairsAfterLocalEditsOnly(plugin) : plugin,
        );
      },
    }).configure({ resizable: false, allowTableNodeSelection: false }),
    TableRow,
    TableHeader.extend({ content: TABLE_CELL_CONTENT }),
    TableCell.extend({ content: TABLE_CELL_CONTENT }),
  ];
}
