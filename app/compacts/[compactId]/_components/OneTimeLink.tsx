'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';

/** Shows a one-time link for the admin to copy; the origin is the one the admin is using. */
export function OneTimeLink({ path, message }: { path: string; message: string }) {
  const t = useTranslations();
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${path}`;
  return (
    <div className="alert success" role="status">
      <p>{message}</p>
      <div className="copy-row">
        <input readOnly value={url} aria-label={t('a11y.oneTimeLink')} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="button secondary small"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t('members.copied') : t('members.copy')}
        </button>
      </div>
    </div>
  );
}
