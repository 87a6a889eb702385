import type { Editor } from '@tiptap/react';
import type { MessageKey } from '@/app/_lib/messages';

export interface ToolbarButton {
  label: MessageKey;
  text: string;
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

export const TOOLBAR_BUTTONS: ToolbarButton[][] = [
  [
    {
      label: 'editor.paragraph',
      text: '¶',
      shortcut: 'Ctrl+Alt+0',
      isActive: (e) => e.isActive('paragraph'),
      run: (e) => e.chain().focus().setParagraph().run(),
    },
    {
      label: 'editor.heading1',
      text: 'H1',
      shortcut: 'Ctrl+Alt+1',
      isActive: (e) => e.isActive('heading', { level: 1 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 1 }).run(),
    },
    {
      label: 'editor.heading2',
      text: 'H2',
      shortcut: 'Ctrl+Alt+2',
      isActive: (e) => e.isActive('heading', { level: 2 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      label: 'editor.heading3',
      text: 'H3',
      shortcut: 'Ctrl+Alt+3',
      isActive: (e) => e.isActive('heading', { level: 3 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    },
  ],
  [
    {
      label: 'editor.bold',
      text: 'B',
      shortcut: 'Ctrl+B',
      isActive: (e) => e.isActive('bold'),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      label: 'editor.italic',
      text: 'I',
      shortcut: 'Ctrl+I',
      isActive: (e) => e.isActive('italic'),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      label: 'editor.underline',
      text: 'U',
      shortcut: 'Ctrl+U',
      isActive: (e) => e.isActive('underline'),
      run: (e) => e.chain().focus().toggleUnderline().run(),
    },
    {
      label: 'editor.strike',
      text: 'S',
      shortcut: 'Ctrl+Shift+S',
      isActive: (e) => e.isActive('strike'),
      run: (e) => e.chain().focus().toggleStrike().run(),
    },
  ],
  [
    {
      label: 'editor.bulletList',
      text: '•',
      shortcut: 'Ctrl+Shift+8',
      isActive: (e) => e.isActive('bulletList'),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      label: 'editor.orderedList',
      text: '1.',
      shortcut: 'Ctrl+Shift+7',
      isActive: (e) => e.isActive('orderedList'),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      label: 'editor.blockquote',
      text: '❝',
      shortcut: 'Ctrl+Shift+B',
      isActive: (e) => e.isActive('blockquote'),
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
  ],
  [
    {
      label: 'editor.insertTable',
      text: '⊞',
      isEnabled: inProvisionText,
      run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    {
      label: 'editor.addRowAfter',
      text: '+≡',
      isEnabled: inTable,
      run: (e) => e.chain().focus().addRowAfter().run(),
    },
    {
      label: 'editor.addColumnAfter',
      text: '+‖',
      isEnabled: inTable,
      run: (e) => e.chain().focus().addColumnAfter().run(),
    },
    {
      label: 'editor.deleteRow',
      text: '−≡',
      isEnabled: inTable,
      run: (e) => e.chain().focus().deleteRow().run(),
    },
    {
      label: 'editor.deleteColumn',
      text: '−‖',
      isEnabled: inTable,
      run: (e) => e.chain().focus().deleteColumn().run(),
    },
    {
      label: 'editor.deleteTable',
      text: '⊠',
      isEnabled: inTable,
      run: (e) => e.chain().focus().deleteTable().run(),
    },
  ],
  [
    { label: 'editor.undo', text: '↶', shortcut: 'Ctrl+Z', run: (e) => e.chain().focus().undo().run() },
    { label: 'editor.redo', text: '↷', shortcut: 'Ctrl+Shift+Z', run: (e) => e.chain().focus().redo().run() },
  ],
];
