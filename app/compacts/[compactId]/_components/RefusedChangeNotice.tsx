'use client';

import { useTranslations } from 'next-intl';
import type { Editor } from '@tiptap/react';
import { plainText } from '@/shared/editor/plain-text';

/**
 * After the server refused this tab's change (close 4424), the tab no longer syncs. It offers the
 * text as this tab has it — unsynced typing included — for copying, and a reload.
 */
export function RefusedChangeNotice({ editor }: { editor: Editor | null }) {
  const t = useTranslations();
  return (
    <section className="card refused-change" role="alert" aria-labelledby="refused-title">
      <h2 id="refused-title">{t('refused.title')}</h2>
      <p>{t('refused.explain')}</p>
      <label className="field">
        <span>{t('refused.copyLabel')}</span>
        <textarea readOnly rows={8} defaultValue={editor ? plainText(editor.state.doc) : ''} />
      </label>
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        {t('refused.reload')}
      </button>
    </section>
  );
}
