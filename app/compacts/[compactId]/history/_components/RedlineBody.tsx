'use client';

import { useTranslations } from 'next-intl';
import type { Redline } from '@/shared/history/redline';
import { ChangeNavigator } from './ChangeNavigator';
import { ProvisionSummary } from './ProvisionSummary';
import { RedlineDocument, authorLabel } from './RedlineDocument';
import { usePartyCodes } from './use-party-codes';

/**
 * A redline as the History screen and the reviewer's view show it: its authors and legend, the
 * provision-level summary, and the text with change-to-change navigation.
 */
export function RedlineBody({ compactId, redline }: { compactId: string; redline: Redline }) {
  const t = useTranslations();
  const parties = usePartyCodes(compactId);
  return (
    <>
      <section className="card" aria-labelledby="compare-authors">
        <h2 id="compare-authors">{t('history.authors')}</h2>
        {redline.authors.length === 0 ? (
          <p className="muted small">{t('history.noChanges')}</p>
        ) : (
          <ul className="contributors">
            {redline.authors.map((author, index) => (
              <li key={index}>{authorLabel(t, author)}</li>
            ))}
          </ul>
        )}
        <p className="small legend">
          <ins className="rl-added">{t('history.legendInserted')}</ins>{' '}
          <del className="rl-removed">{t('history.legendDeleted')}</del>
        </p>
      </section>
      <ProvisionSummary changes={redline.provisions} authors={redline.authors} />
      <ChangeNavigator count={redline.changes}>
        <article className="card" aria-label={t('history.redline')}>
          <RedlineDocument blocks={redline.blocks} authors={redline.authors} parties={parties} />
        </article>
      </ChangeNavigator>
    </>
  );
}
