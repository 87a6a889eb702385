'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useLocale, useTranslations } from 'next-intl';
import { nameWithVisibleText } from '@/app/_components/a11y/visible-label';
import { useRovingToolbar } from '@/app/_components/a11y/use-roving-toolbar';
import { pasteNoticeOf } from '@/shared/editor/paste/paste-cleanup';
import { pasteNoticeText } from './paste-notice-text';
import { TOOLBAR_BUTTONS } from './toolbar-buttons';

const BUTTONS = TOOLBAR_BUTTONS.flat();

export function EditorToolbar({ editor }: { editor: Editor }) {
  const t = useTranslations();
  const locale = useLocale();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: BUTTONS.map((b) => (b.isActive ? b.isActive(e) : false)),
      enabled: BUTTONS.map((b) => (b.isEnabled ? b.isEnabled(e) : true)),
      notice: pasteNoticeOf(e.state),
    }),
  });
  const {
    attach,
    onKeyDown: onToolbarKeyDown,
    onFocus: onToolbarFocus,
  } = useRovingToolbar(() => editor.commands.focus());
  let index = 0;
  return (
    <>
      <div
        className="toolbar"
        role="toolbar"
        aria-label={t('editor.toolbar')}
        aria-keyshortcuts="Alt+F10"
        ref={attach}
        onKeyDown={onToolbarKeyDown}
        onFocus={onToolbarFocus}
      >
        {TOOLBAR_BUTTONS.map((group, g) => (
          <div className="toolbar-group" key={g}>
            {group.map((button) => {
              const at = index++;
              const name = t(button.label);
              return (
                <button
                  key={button.label}
                  type="button"
                  className="tool"
                  aria-label={nameWithVisibleText(name, button.text)}
                  title={button.shortcut ? `${name} (${button.shortcut})` : name}
                  aria-pressed={button.isActive ? state.active[at] : undefined}
                  disabled={!state.enabled[at]}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => button.run(editor)}
                >
                  {button.flipsInRtl ? <span className="flip-in-rtl">{button.text}</span> : button.text}
                </button>
              );
            })}
          </div>
        ))}
      </div>
      {/* Always in the page, so assistive technology announces what a paste left out when it appears. */}
      <div className="paste-notice" role="status" aria-live="polite">
        {state.notice && (
          <>
            <span key={state.notice.serial}>{pasteNoticeText(t, locale, state.notice.losses)}</span>
            <button
              type="button"
              className="tool"
              aria-label={t('paste.dismiss')}
              onClick={() => editor.chain().focus().dismissPasteNotice().run()}
            >
              ×
            </button>
          </>
        )}
      </div>
    </>
  );
}
