'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { Translate } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { moment } from '@/i18n/format';

type Location = { found: true; eventId: number; position: number } | { found: false };

function locationText(t: Translate, located: { data?: Location; isError: boolean }): string {
  if (located.isError) return t('audit.failed');
  if (!located.data) return t('audit.loading');
  if (!located.data.found) return t('audit.heads.missing');
  return t('audit.heads.found', { event: located.data.eventId, position: located.data.position });
}

/**
 * The heads the chain has published (one per export), and a check of a head someone kept: if the
 * log no longer holds it, events were removed or changed since it was published.
 */
export function PublishedHeads({ compactId }: { compactId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const headingId = useId();
  const heads = useQuery(trpc.audit.heads.queryOptions({ compactId }));
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const valid = /^[0-9a-fA-F]{64}$/.test(typed.trim());
  const located = useQuery({
    ...trpc.audit.locateHead.queryOptions({ compactId, hash: asked ?? '' }),
    enabled: asked !== null,
  });
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (valid) setAsked(typed.trim().toLowerCase());
  };
  return (
    <section className="card published-heads" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('audit.heads.title')}</h2>
      <p className="muted small">{t('audit.heads.intro')}</p>
      {heads.data && heads.data.length === 0 ? <p className="muted small">{t('audit.heads.none')}</p> : null}
      {heads.data && heads.data.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('audit.col.time')}</th>
                <th scope="col">{t('audit.heads.by')}</th>
                <th scope="col">{t('audit.heads.events')}</th>
                <th scope="col">{t('audit.heads.head')}</th>
              </tr>
            </thead>
            <tbody>
              {heads.data.map((head) => (
                <tr key={head.eventId}>
                  <td>{moment(format, head.at)}</td>
                  <td>{head.byName ?? t('audit.system')}</td>
                  <td>{head.events}</td>
                  <td className="code hash">{head.head || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form className="copy-row locate-head" onSubmit={check}>
        <input
          aria-label={t('audit.heads.kept')}
          placeholder={t('audit.heads.kept')}
          value={typed}
          maxLength={80}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="button small" disabled={!valid}>
          {t('audit.heads.check')}
        </button>
      </form>
      <p role="status" className={located.data?.found === false ? 'alert error small' : 'small'}>
        {asked === null ? '' : locationText(t, located)}
      </p>
    </section>
  );
}
