import type { Editor } from '@tiptap/react';
import type { MessageKey } from '@/i18n/types';

export interface ToolbarButton {
  label: MessageKey;
  text: string;
  /** The glyph points along the line (undo, redo): it turns round in a right-to-left interface. */
  flipsInRtl?: boolean;
  /** The keyboard shortcut, shown in the tooltip; none for commands only the toolbar offers. */
  shortcut?: string;
  /** On/off formatting: the button says whether it applies to the selection (`aria-pressed`). */
  isActive?: (editor: Editor) => boolean;
  /** Commands that only make sense in some places (e.g. a table's rows): disabled elsewhere. */
  isEnabled?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

/** Whether the selection is in running text of a provision, outside tables and options: where a table may go. */
function inProvisionText(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  if ($from.depth < 2 || $from.node(1).type.name !== 'provision') return false;
  for (let depth = 2; depth <= $from.depth; depth++) {
    const name = $from.node(depth).type.name;
    if (name === 'table' || name === 'option') return false;
  }
  return true;
}

const inTable = (editor: Editor) => editor.isActive('table');

type Chain = ReturnType<Editor['chain']>;

/** On/off formatting of a mark or block named `name`, toggled by `command`. */
const toggle = (
  label: MessageKey,
  text: string,
  shortcut: string,
  name: string,
  command: (chain: Chain) => Chain,
  attributes?: Record<string, unknown>,
): ToolbarButton => ({
  label,
  text,
  shortcut,
  isActive: (e) => e.isActive(name, attributes),
  run: (e) => command(e.chain().focus()).run(),
});

/** A command on the table holding the selection: disabled outside tables. */
const tableCommand = (label: MessageKey, text: string, command: (chain: Chain) => Chain): ToolbarButton => ({
  label,
  text,
  isEnabled: inTable,
  run: (e) => command(e.chain().focus()).run(),
});

export const TOOLBAR_BUTTONS: ToolbarButton[][] = [
  [
    toggle('editor.paragraph', '¶', 'Ctrl+Alt+0', 'paragraph', (c) => c.setParagraph()),
    toggle('editor.heading1', 'H1', 'Ctrl+Alt+1', 'heading', (c) => c.toggleHeading({ level: 1 }), { level: 1 }),
    toggle('editor.heading2', 'H2', 'Ctrl+Alt+2', 'heading', (c) => c.toggleHeading({ level: 2 }), { level: 2 }),
    toggle('editor.heading3', 'H3', 'Ctrl+Alt+3', 'heading', (c) => c.toggleHeading({ level: 3 }), { level: 3 }),
  ],
  [
    toggle('editor.bold', 'B', 'Ctrl+B', 'bold', (c) => c.toggleBold()),
    toggle('editor.italic', 'I', 'Ctrl+I', 'italic', (c) => c.toggleItalic()),
    toggle('editor.underline', 'U', 'Ctrl+U', 'underline', (c) => c.toggleUnderline()),
    toggle('editor.strike', 'S', 'Ctrl+Shift+S', 'strike', (c) => c.toggleStrike()),
  ],
  [
    toggle('editor.bulletList', '•', 'Ctrl+Shift+8', 'bulletList', (c) => c.toggleBulletList()),
    toggle('editor.orderedList', '1.', 'Ctrl+Shift+7', 'orderedList', (c) => c.toggleOrderedList()),
    toggle('editor.blockquote', '❝', 'Ctrl+Shift+B', 'blockquote', (c) => c.toggleBlockquote()),
  ],
  [
    {
      label: 'editor.insertTable',
      text: '⊞',
      isEnabled: inProvisionText,
      run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    tableCommand('editor.addRowAfter', '+≡', (c) => c.addRowAfter()),
    tableCommand('editor.addColumnAfter', '+‖', (c) => c.addColumnAfter()),
    tableCommand('editor.deleteRow', '−≡', (c) => c.deleteRow()),
    tableCommand('editor.deleteColumn', '−‖', (c) => c.deleteColumn()),
    tableCommand('editor.deleteTable', '⊠', (c) => c.deleteTable()),
  ],
  [
    {
      label: 'editor.undo',
      text: '↶',
      flipsInRtl: true,
      shortcut: 'Ctrl+Z',
      run: (e) => e.chain().focus().undo().run(),
    },
    {
      label: 'editor.redo',
      text: '↷',
      flipsInRtl: true,
      shortcut: 'Ctrl+Shift+Z',
      run: (e) => e.chain().focus().redo().run(),
    },
  ],
];
