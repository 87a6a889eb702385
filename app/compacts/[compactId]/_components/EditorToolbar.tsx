'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { t, type MessageKey } from '@/app/_lib/messages';

interface ToolbarButton {
  label: MessageKey;
  text: string;
  shortcut: string;
  isActive?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const BUTTONS: ToolbarButton[][] = [
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
  ],
  [
    { label: 'editor.undo', text: '↶', shortcut: 'Ctrl+Z', run: (e) => e.chain().focus().undo().run() },
    { label: 'editor.redo', text: '↷', shortcut: 'Ctrl+Shift+Z', run: (e) => e.chain().focus().redo().run() },
  ],
];

export function EditorToolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => BUTTONS.flat().map((b) => (b.isActive ? b.isActive(e) : false)),
  });
  let index = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {BUTTONS.map((group, g) => (
        <div className="toolbar-group" key={g}>
          {group.map((button) => {
            const pressed = active[index++];
            return (
              <button
                key={button.label}
                type="button"
                className="tool"
                aria-label={t(button.label)}
                title={`${t(button.label)} (${button.shortcut})`}
                aria-pressed={button.isActive ? pressed : undefined}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => button.run(editor)}
              >
                {button.text}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
