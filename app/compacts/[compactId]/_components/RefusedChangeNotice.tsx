'use client';

import { t } from '@/app/_lib/messages';
import type { Collab } from '@/app/_lib/use-collab';
import { fragmentPlainText } from './fragment-plain-text';

/**
 * After the server refused this tab's change (close 4424), the tab no longer syncs. It offers the
 * text as this tab has it — unsynced typing included — for copying, and a reload.
 */
export function RefusedChangeNotice({ collab }: { collab: Collab }) {
  return (
    <section className="card refused-change" role="alert" aria-labelledby="refused-title">
      <h2 id="refused-title">{t('refused.title')}</h2>
      <p>{t('refused.explain')}</p>
      <label className="field">
        <span>{t('refused.copyLabel')}</span>
        <textarea readOnly rows={8} defaultValue={fragmentPlainText(collab.doc)} />
      </label>
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        {t('refused.reload')}
      </button>
    </section>
  );
}
