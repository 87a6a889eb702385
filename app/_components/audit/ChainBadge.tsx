'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { AuditSource } from './use-audit-source';
import { moment } from '@/i18n/format';

/**
 * Whether the compact's audit chain verifies against the stored rows (checked on the server, in a
 * worker thread), or the first event where it breaks. "Check again" verifies every event afresh.
 */
export function ChainBadge({ source }: { source: AuditSource }) {
  const t = useTranslations();
  const format = useFormatter();
  // After the first "Check again", every verdict is a fresh check of every event.
  const [recheck, setRecheck] = useState(false);
  const status = useQuery(source.status(recheck));
  const data = status.data;
  let text: string;
  let tone = 'chain-pending';
  if (status.isError) {
    text = t('audit.chain.failed');
    tone = 'chain-broken';
  } else if (!data || status.isFetching) {
    text = t('audit.chain.checking');
  } else if (data.state === 'verified' && data.events === 0) {
    text = t('audit.chain.empty');
    tone = 'chain-verified';
  } else if (data.state === 'verified') {
    text = t('audit.chain.verified', { events: data.events, head: data.head || '—' });
    tone = 'chain-verified';
  } else {
    text = t('audit.chain.broken', { event: data.brokenAt, reason: data.reason, before: data.eventsBefore });
    tone = 'chain-broken';
  }
  return (
    <section className={`card chain-badge ${tone}`} aria-labelledby="chain-badge-title">
      <h2 id="chain-badge-title">{t('audit.chain.title')}</h2>
      <p role="status" className="chain-verdict">
        {text}
      </p>
      {data ? (
        <p className="muted small">{t('audit.chain.checkedAt', { time: moment(format, data.checkedAt) })}</p>
      ) : null}
      <button
        type="button"
        className="button small secondary"
        disabled={status.isFetching}
        onClick={() => (recheck ? void status.refetch() : setRecheck(true))}
      >
        {t('audit.chain.recheck')}
      </button>
    </section>
  );
}
