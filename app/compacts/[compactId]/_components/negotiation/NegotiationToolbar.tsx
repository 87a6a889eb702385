'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { nameWithVisibleText } from '@/app/_components/a11y/visible-label';
import { useRovingToolbar } from '@/app/_components/a11y/use-roving-toolbar';

interface Props {
  editor: Editor;
  /** The party this person proposes for: short code on the button, name in its hint. */
  party: { shortCode: string; name: string };
}

interface Control {
  key: string;
  label: string;
  text: string;
  hint?: string;
  shortcut?: string;
  pressed?: boolean;
  enabled: boolean;
  run: () => void;
}

/** Negotiation commands (shared/editor/negotiation/*): provisions, brackets and options in my party's name. */
export function NegotiationToolbar({ editor, party }: Props) {
  const t = useTranslations();
  const {
    attach,
    onKeyDown: onToolbarKeyDown,
    onFocus: onToolbarFocus,
  } = useRovingToolbar(() => editor.commands.focus());
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { $from } = e.state.selection;
      const top = $from.depth >= 1 ? $from.node(1) : null;
      return {
        insert: e.can().insertProvision('operative'),
        kind: top?.type.name === 'provision' ? String(top.attrs.kind) : null,
        bracket: e.can().toggleMyBracket(),
        option: e.can().proposeOption(),
      };
    },
  });
  const groups: Control[][] = [
    [
      {
        key: 'insert-pp',
        label: t('negotiation.insertPreambular'),
        text: '+PP',
        shortcut: 'Ctrl+Alt+P',
        enabled: state.insert,
        run: () => editor.chain().focus().insertProvision('preambular').run(),
      },
      {
        key: 'insert-op',
        label: t('negotiation.insertOperative'),
        text: '+OP',
        shortcut: 'Ctrl+Alt+O',
        enabled: state.insert,
        run: () => editor.chain().focus().insertProvision('operative').run(),
      },
    ],
    [
      {
        key: 'kind-pp',
        label: t('negotiation.makePreambular'),
        text: 'PP',
        pressed: state.kind === 'preambular',
        enabled: state.kind !== null,
        run: () => editor.chain().focus().setProvisionKind('preambular').run(),
      },
      {
        key: 'kind-op',
        label: t('negotiation.makeOperative'),
        text: 'OP',
        pressed: state.kind === 'operative',
        enabled: state.kind !== null,
        run: () => editor.chain().focus().setProvisionKind('operative').run(),
      },
    ],
    [
      {
        key: 'bracket',
        label: t('negotiation.bracketAs', { code: party.shortCode }),
        text: t('negotiation.bracketAs', { code: party.shortCode }),
        hint: t('negotiation.bracketHint', { party: party.name }),
        shortcut: 'Ctrl+Alt+B',
        enabled: state.bracket,
        run: () => editor.chain().focus().toggleMyBracket().run(),
      },
      {
        key: 'option',
        label: t('negotiation.proposeOption'),
        text: t('negotiation.proposeOption'),
        hint: t('negotiation.proposeOptionHint', { party: party.name }),
        shortcut: 'Ctrl+Alt+N',
        enabled: state.option,
        run: () => editor.chain().focus().proposeOption().run(),
      },
    ],
  ];
  return (
    <div
      className="toolbar negotiation-toolbar"
      role="toolbar"
      aria-label={t('negotiation.toolbar')}
      ref={attach}
      onKeyDown={onToolbarKeyDown}
      onFocus={onToolbarFocus}
    >
      {groups.map((group) => (
        <div className="toolbar-group" key={group[0]!.key}>
          {group.map((control) => (
            <button
              key={control.key}
              type="button"
              className={control.text.length > 3 ? 'tool tool-text' : 'tool'}
              aria-label={nameWithVisibleText(control.label, control.text)}
              title={`${control.hint ?? control.label}${control.shortcut ? ` (${control.shortcut})` : ''}`}
              aria-pressed={control.pressed}
              aria-keyshortcuts={control.shortcut?.replace('Ctrl', 'Control')}
              disabled={!control.enabled}
              onMouseDown={(event) => event.preventDefault()}
              onClick={control.run}
            >
              {control.text}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
